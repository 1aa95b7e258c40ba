"""``python -m newsrecord``: the ``newsrecord`` command (see ``newsrecord._cli``)."""

from newsrecord._cli import main

if __name__ == "__main__":
    raise SystemExit(main())
