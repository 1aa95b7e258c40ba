"""The parser's words of people and organisations, kept as data in one place.

Honorifics ("Mr."), pronouns, role nouns ("expert", "spokeswoman"), title words ("First
Deputy", "Ambassador ... to"), organisation and outlet words ("Ministry", "Radio"), the
words no person's name has, country adjectives and gendered words: what ``_roles``,
``_heads``, ``_names``, ``_coref`` and ``_gender`` read names, titles and affiliations
with.  An entry belongs here only when real news prose uses it in that role; all entries
are lower case unless the list says otherwise, and look-ups fold case.  The words of cues
and clauses are in ``_lexicon``.
"""

from __future__ import annotations

from typing import Final

#: News agencies and broadcasters named as the medium after "told" ("told Reuters"), which
#: the organisation words do not mark.  Compared as written.
NEWS_OUTLETS: Final = frozenset(
    """
    Reuters AP AFP TASS Interfax BelTA Bloomberg CNN BBC NBC ABC CBS MSNBC Politico Axios
    Fox RIA Xinhua
    """.split()
)


#: Honorifics before a surname ("Ms. Novak").  With and without the full stop.
HONORIFICS: Final = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt.
    col col. sgt sgt. capt capt. adm adm. rev rev. sir dame lord lady judge president
    senator governor mayor minister ambassador secretary
    """.split()
)


#: Nouns for a person's role ("the expert", "a spokesman").
ROLE_NOUNS: Final = frozenset(
    """
    expert analyst official spokesman spokeswoman spokesperson minister president chairman
    chairwoman chair director head leader secretary senator governor mayor ambassador
    professor researcher scientist economist adviser advisor aide strategist candidate
    nominee lawmaker legislator congressman congresswoman representative deputy commander
    general officer chief manager executive ceo founder member lawyer attorney judge
    prosecutor diplomat envoy correspondent reporter journalist editor columnist author
    writer activist advocate critic observer commentator pollster consultant historian
    scholar fellow lecturer teacher doctor physician spokesmen officials experts analysts
    sources source witness resident voter voters supporter supporters opponent critics host
    anchor campaigner organizer organiser chancellor premier speaker whip pastor priest
    bishop coach player owner partner investor banker trader entrepreneur user delegate
    justice admiral billionaire comedian dj actor
    friend brother sister mother father wife husband son daughter neighbor neighbour student
    worker employee farmer protester demonstrator participant attendee spokespeople aides
    nephew niece cousin uncle aunt grandson granddaughter grandfather grandmother biologist
    engineer planner architect ecologist chemist physicist geologist mathematician
    statistician psychologist sociologist linguist curator librarian confidant confidante
    insider ally allies backer backers donor donors loyalist staffer staffers narrator
    agent democrat democrats republican republicans conservative conservatives liberal
    liberals veteran person people man woman men women fan specialist politician
    rector ombudsman patriarch plenipotentiary champion mp captain
    boss constituent businessman businesswoman
    """.split()
)


#: Adjectives that make a source of the person or group before them, with their object:
#: "people familiar with the plan", "a source close to the mayor", "one Republican
#: involved in the talks".
SOURCE_ADJECTIVES: Final = frozenset({"familiar", "close", "involved"})


#: Titles followed by "to" and whom the post serves: "Ambassador of Lornia to Norland
#: Ivo Hart", "Aide to the President Ana Ruiz", "special envoy to the region".
TITLES_WITH_TO: Final = frozenset("ambassador envoy aide adviser advisor".split())
#: Capitalised words that open a title of the region's officials: "First Deputy Chairman".
TITLE_ORDINALS: Final = frozenset({"first"})


#: Words that make a name an organisation's ("Defence Ministry", "Reuters").
ORGANIZATION_WORDS: Final = frozenset(
    """
    ministry ministries department institute institution agency committee commission council
    office bureau service services party university college school academy association
    foundation center centre campaign government administration court police army navy force
    forces corporation corp corp. inc inc. ltd ltd. llc company group bank fund union
    federation organization organisation network news times post journal radio tv television
    newspaper magazine press herald tribune gazette daily channel board senate congress
    parliament house assembly cabinet embassy consulate team club league coalition alliance
    movement church society trust authority kremlin pentagon transit museum hospital clinic
    laboratory lab observatory faculty staff works review enterprise
    """.split()
)


#: Common nouns that speak for an organisation or a group ("the ministry said").
GROUP_NOUNS: Final = frozenset(
    """
    ministry department agency committee commission campaign government administration
    company group newspaper paper report statement study survey poll party embassy office
    court police army spokesman spokeswoman organization organisation leadership delegation
    """.split()
)


#: What a news outlet is, as a title before its name ("state news agency Belta reported",
#: "Portuguese newspaper Correio de Manha reports").
OUTLET_NOUNS: Final = frozenset(
    """
    newspaper paper daily weekly tabloid agency magazine broadcaster network channel
    station website outlet portal
    """.split()
)


#: Nouns of a medium a statement was made in or to ("in her talk with Valley Radio").
MEDIUM_NOUNS: Final = frozenset(
    """
    talk interview conversation statement op-ed article post tweet appearance speech podcast
    broadcast briefing address comments remarks letter column essay editorial
    """.split()
)


#: Words that are capitalised at a sentence start but never begin a name.
NOT_NAME_WORDS: Final = frozenset(
    """
    the a an and but or so yet for nor if when while as after before because although though
    since earlier later then meanwhile however still also now today yesterday in on at by
    with from of to this that these those there here it he she they we i you his her their
    our its my your speaking asked according returning turning monday tuesday wednesday
    thursday friday saturday sunday even perhaps indeed instead only
    """.split()
)


#: Adjectives of a country before a title, and the country they name ("Estonian Transport
#: Minister X" is a minister of Estonia).  Used by ``_names`` for an affiliation's
#: organisation.  Keys lower case, values as the country is written.
DEMONYMS: Final[dict[str, str]] = {
    "american": "United States",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "belarusian": "Belarus",
    "british": "United Kingdom",
    "bulgarian": "Bulgaria",
    "canadian": "Canada",
    "chinese": "China",
    "czech": "Czech Republic",
    "estonian": "Estonia",
    "finnish": "Finland",
    "french": "France",
    "georgian": "Georgia",
    "german": "Germany",
    "hungarian": "Hungary",
    "indian": "India",
    "iranian": "Iran",
    "israeli": "Israel",
    "italian": "Italy",
    "japanese": "Japan",
    "kazakh": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "moldovan": "Moldova",
    "polish": "Poland",
    "romanian": "Romania",
    "russian": "Russia",
    "serbian": "Serbia",
    "slovak": "Slovakia",
    "spanish": "Spain",
    "swedish": "Sweden",
    "tajik": "Tajikistan",
    "turkish": "Turkey",
    "turkmen": "Turkmenistan",
    "ukrainian": "Ukraine",
    "uzbek": "Uzbekistan",
}


#: Words that make a run of capitalised words a place, a day, a law, an event, a group
#: of people or a body without an organisation word, not a person ("New York", "Red
#: Square", "Election Day", "Clean Air Act", "African Americans"); for ``_names``.
NON_PERSON_WORDS: Final = frozenset(
    """
    new north south east west northern southern eastern western central united san santa
    los las saint st port fort lake mount cape street avenue square road river sea ocean
    city county state states republic kingdom island islands region district province
    oblast bay valley hill hills park bridge airport station day eve week act law bill plan
    treaty accord program programme project war games cup prize award forum caucus show
    conference summit african american americans asian european hispanic latino arab us usa
    america europe asia africa
    uk edt est pdt pst cdt cst gmt utc cet msk
    """.split()
)


#: Lower-case words that may stand in a title before a name ("campaign manager Kellyanne
#: Conway", "former Defence Minister ...").
TITLE_MODIFIERS: Final = frozenset(
    """
    former acting interim deputy vice chief senior junior press communications foreign
    defence defense state prime presidential democratic republican national security
    campaign general executive managing assistant associate federal regional local top
    longtime veteran political military economic policy public health finance
    ranking technology
    """.split()
)


#: Roles named by a phrase rather than a noun, and the title each stands for: "the head
#: of state stressed" (state media name their president so, again and again).
ROLE_PHRASES: Final[dict[str, str]] = {
    "head of state": "President",
    "head of government": "Prime Minister",
}


#: Lower-case words inside a name ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES: Final = frozenset(
    """
    el abu ben bint de del della van von der bin al da di la le du ibn dos das of for
    """.split()
)


#: The gender an honorific tells, for resolving "he" and "she".
HONORIFIC_GENDER: Final[dict[str, str]] = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "dame": "f",
}


#: Nouns that tell the gender of the person they describe ("X, a spokeswoman", "his wife,
#: Jane,"): evidence in the text for resolving "he" and "she".
GENDERED_NOUNS: Final[dict[str, str]] = {
    **dict.fromkeys(
        """
        spokeswoman chairwoman congresswoman businesswoman councilwoman assemblywoman
        anchorwoman woman lady wife mother daughter sister grandmother granddaughter aunt
        niece widow girl actress waitress heiress duchess princess queen empress baroness
        countess mrs ms madam
        """.split(),
        "f",
    ),
    **dict.fromkeys(
        """
        spokesman congressman businessman councilman assemblyman anchorman man gentleman
        husband father son brother grandfather grandson uncle nephew widower boy actor
        duke prince king emperor baron count mr sir
        """.split(),
        "m",
    ),
}


#: Personal pronouns that tell the gender of the person they stand for.
GENDERED_PRONOUNS: Final[dict[str, str]] = {
    **dict.fromkeys("he his him himself".split(), "m"),
    **dict.fromkeys("she her hers herself".split(), "f"),
}
