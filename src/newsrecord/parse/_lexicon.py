"""The parser's word lists, kept as data in one place.

Each list is what the stages of the parser (``_spans``, ``_cues``, ``_direct``,
``_reported``, ``_mentions``, ``_roles``, ``_coref``) look words up in: here the words
of cues, clauses and sentences; the words of names, roles and organisations are in
``_lexicon_names``, the Russian ones in ``_lexicon_ru``, a headline's in
``_lexicon_headline``.  An entry
belongs here only when real news prose uses it in that role ("noted" as a cue verb,
"Mr." as an honorific, "expert" as a role noun, "Ministry" as an organisation word).
All entries are lower case unless the list says otherwise; look-ups fold case.
"""

from __future__ import annotations

from typing import Final

#: Verbs of saying in the forms that attribute a quote ("he said", "X noted").
#: Past and present forms; the participles are in :data:`CUE_PARTICIPLES`.  "states" is
#: left out: in news it is a noun far more often ("Republican states that ...").
CUE_VERBS: Final = frozenset(
    """
    said says say told tells tell added adds noted notes stressed stresses recalled recalls
    explained explains argued argues asked asks stated declared declares insisted
    insists claimed claims continued continues warned warns replied replies responded
    responds tweeted tweets posted wrote writes announced announces reported reports
    acknowledged acknowledges admitted admits suggested suggests emphasized emphasised
    emphasizes emphasises observed observes remarked remarks commented comments predicted
    predicts concluded concludes conceded concedes confirmed confirms cautioned cautions
    urged urges complained complains recounted recounts joked jokes quipped quips shouted
    yelled exclaimed mused muses boasted boasts vowed vows promised promises countered
    counters agreed agrees maintained maintains contended contends asserted asserts charged
    charges alleged alleges wondered wonders underlined underlines underscored underscores
    highlighted highlights pointed points believes believe thinks think denied denies
    estimated estimates testified testifies clarified clarifies elaborated elaborates
    disclosed discloses revealed reveals indicated indicates signaled signalled signals
    informed informs assured assures answered answers retorted reiterated reiterates
    repeated repeats specified specifies summed sums put chimed recommended recommends reads
    chanted echoed echoes pressed opined fumed remembered lamented scoffed marveled marvelled
    sighed laughed gushed raged ranted griped grumbled bragged blasted slammed snapped
    reasoned reflected interjected demanded hinted mocked taunted proclaimed pledged touted
    emailed texted puts exhorted
    """.split()
)


#: "saying", "adding": cues in a participle clause (", saying that ...").
CUE_PARTICIPLES: Final = frozenset(
    """
    saying adding noting telling explaining arguing writing stressing recalling insisting
    claiming warning stating declaring emphasizing emphasising asking pointing suggesting
    acknowledging admitting calling describing
    """.split()
)


#: Cue verbs that introduce reported speech well enough to take a clause without "that"
#: ("X said the plan would ..."); the others need "that" for an indirect quote.
BARE_CLAUSE_CUES: Final = frozenset(
    """
    said says say told tells added adds noted notes argued argues claimed claims wrote
    writes believes believe thinks think warned warns insisted insists reported reports
    predicted predicts
    """.split()
)


#: Cues whose listener may stand between them and "that": "told the members of the
#: pilots' union at their annual meeting in Varnov that ..." (up to 14 words, where other
#: cues allow 8).
LISTENER_CUES: Final = frozenset("told tells tell warned warns assured informed".split())


#: What opens the listener after "told" at the end of a sentence: "..., she told the judge
#: in a written reply.", "..., he told a town hall in Varnov."
LISTENER_DETERMINERS: Final = frozenset("the a an his her their".split())


#: Verbs of saying and believing whose subject may be "who" right after the people it
#: stands for: "shop owners who say the tax ...", "voters who believe ...".
RELATIVE_SAYING_VERBS: Final = frozenset(
    """
    say says said believe believes think thinks argue argues argued claim claims claimed
    insist insists insisted warn warns warned fear fears feared worry worries
    """.split()
)


#: Cue verbs of a question, whose content is an indirect question ("Sanders asked workers
#: if they planned to attend", "she wondered aloud how the party would ...").
QUESTION_CUES: Final = frozenset("asked asks wondered wonders questioned questions".split())


#: Verbs of belief, knowledge and finding whose clause is attributed like reported speech
#: ("He thinks that reducing the deficit ...", "a poll found that he would draw ...",
#: "Clinton, who believes an unborn baby ..."): the content is the clause after the verb
#: (with or without "that").  Read only for reported speech, never to attribute a quote.
BELIEF_VERBS: Final = frozenset(
    """
    believe believes believed thinks fear fears feared hope hopes hoped expect expects worry
    worries worried doubt doubts doubted argue argued argues contend contends suspect
    suspects suspected agree agreed agrees show shows showed suggest suggests suggested
    acknowledge acknowledged concluded conclude concludes predict predicted understand
    understands realize realizes realized recognize recognizes recognized assume assumes
    assumed insist insisted found finds shared
    """.split()
)


#: Phrases read like :data:`BELIEF_VERBS`, from state media: "the expert drew attention to
#: the fact that ...", "the President is convinced that ...".
BELIEF_PHRASES: Final = frozenset(
    {
        "drew attention to the fact",
        "draws attention to the fact",
        "pointed to the fact",
        "points to the fact",
        "is convinced",
        "are convinced",
        "was convinced",
        "is confident",
        "is sure",
        "expressed hope",  # "X expressed hope that the bridge would be completed"
        "expressed confidence",  # "the minister expressed confidence that ..."
        "expressed concern",  # "the committee expressed concern that ..."
    }
)


#: Verbs of :data:`BELIEF_VERBS` whose clause must open with "that": "a study found that
#: the city had spent ..." (without it, "Sanders found a receptive audience" is no
#: finding of a source), "the deputy shared that the commission had ..." (not "shared a
#: video").
THAT_CLAUSE_VERBS: Final = frozenset({"found", "finds", "shared"})


#: Verbs of intention, stance and speech acts whose whole complement PolNeAR-style
#: annotation attributes ("the candidate intends to be back in ...", "Cook declined to say
#: whether ...", "accused him of ..."): the content runs from after the verb to the end of
#: its clause.  Verbs right less than 60 % of the time on PolNeAR train ("wants", "plans",
#: "called", "endorsed", "praised", "refused") are left out: their objects are too often no
#: content.
COMPLEMENT_VERBS: Final = frozenset(
    """
    intend intends intended declined declines decline vowed vows promised promises urged
    urges criticized criticizes criticised criticises accused accuses offered announced
    announces threatened threatens rejected rejects blamed blames dismissed dismisses
    defended defends questioned condemned condemns welcomed welcomes attacked proposed
    proposes demanded demands
    """.split()
)


#: Verbs of intention whose complement is attributed when it is an infinitive ("Trump
#: plans to visit the border", "the mayor refused to comment", "Ruiz wants to run again"):
#: with any other object ("wants a recount") they attribute nothing.  Each group was right
#: 60 to 66 % of the time on PolNeAR train ("hope" is a verb of belief instead).
INFINITIVE_VERBS: Final = frozenset(
    """
    want wants wanted plan plans planned seek seeks sought refuse refuses refused
    """.split()
)


#: Phrases read like :data:`COMPLEMENT_VERBS`: "X called for a new vote", "X called on the
#: council to ...".
COMPLEMENT_PHRASES: Final = frozenset(
    {"called for", "calls for", "calling for", "call for", "called on", "calls on", "call on"}
)


#: Verbs of a relative clause that name a post ("X, who heads the Y,") and the role each
#: gives.
HEADING_VERBS: Final[dict[str, str]] = {
    "heads": "head",
    "headed": "head",
    "leads": "leader",
    "led": "leader",
    "chairs": "chair",
    "chaired": "chair",
    "directs": "director",
    "directed": "director",
    "runs": "head",
    "ran": "head",
    "founded": "founder",
    "co-founded": "co-founder",
}


#: Nouns of saying and thinking that carry reported speech: "X's claim that ...".
NOMINAL_CUES: Final = frozenset(
    """
    claim claims assertion assertions argument view belief statement warning insistence
    suggestion contention allegation allegations promise pledge announcement
    """.split()
)


#: Words of labels that introduce a post's furniture, not a speaker's statement ("Update:",
#: "Photo:", "Read more:", "Editor's note:").
NOT_SPEAKER_LABELS: Final = frozenset(
    """
    update updated note editor's editor photo photos video watch read related source
    sources correction clarification disclosure transcript excerpt background context
    breaking exclusive analysis opinion live latest also more see listen warning caption
    credit credits subscribe follow tags share advertisement email e-mail contact
    """.split()
)


#: Particles that belong to a cue ("pointed out", "summed up", "chimed in").
CUE_PARTICLES: Final = frozenset({"out", "up", "in"})


#: Personal pronouns that can be the subject of a cue verb, and what they point at.
PRONOUNS: Final[dict[str, str]] = {
    "he": "person",
    "she": "person",
    "i": "person",
    "we": "group",
    "they": "group",
    "it": "organization",
    "who": "relative",
}


#: Words that start a noun phrase naming a source ("the expert", "a source").
DETERMINERS: Final = frozenset(
    """
    the a an his her its their our my your this that these those one another some many
    several two three four five most few
    """.split()
)


#: Indefinite pronouns and quantifiers: no source of a belief or intention ("Everyone wants
#: to be treated equally", "Neither wanted to share his name").
INDEFINITES: Final = frozenset(
    """
    everyone everybody anyone anybody someone somebody nobody neither either each both none
    """.split()
)


#: Words followed by a full stop that do not end a sentence.
ABBREVIATIONS: Final = frozenset(
    """
    mr mrs ms dr prof sen rep gov gen lt col sgt capt adm rev st jr sr inc corp ltd co no vs
    etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.c mt
    ft
    """.split()
)


#: Words ending in "-ly" that are no adverbs, so never stand between a subject and its cue
#: ("the assembly said", "the family says").
NOT_ADVERBS: Final = frozenset(
    "assembly family families supply monopoly anomaly homily butterfly".split()
)


#: Auxiliary and modal verbs: no appositive starts with one ("The contrast, said Ruiz,
#: would be clear": "would be clear" is the sentence's, not a description of Ruiz).
AUXILIARY_VERBS: Final = frozenset(
    """
    is was are were be been has have had will would can could should may might must does
    did do shall
    """.split()
)


#: Adverbs and auxiliaries that stand between a subject and its cue ("Trump also said",
#: "she has said"); they belong to neither.
CUE_ADVERBS: Final = frozenset(
    """
    also then later has had have would will again once further recently previously
    repeatedly quickly simply never often reportedly publicly privately earlier just always
    still already since subsequently immediately flatly angrily
    first now even long finally initially openly frequently similarly strongly himself
    herself themselves itself
    """.split()
)


#: Function words that never end or fill a descriptive subject ("the email goes on to").
FUNCTION_WORDS: Final = frozenset(
    """
    to on in at by as of for with from will would can could should may might must is was are
    were be been being has have had do does did goes went go not no so than then that which
    who whom whose what when where why how if because and or but while although though
    whereas unless
    """.split()
)


#: Words that start sentences and hardly ever follow an abbreviation inside one.  Written
#: and compared capitalised, as they stand at a sentence's start.
SENTENCE_STARTERS: Final = frozenset(
    """
    He She They It We I The This That These There But And In On At A An His Her Their Its
    Our When While After Before If Then Now Later Meanwhile So Still Yet However Earlier
    """.split()
)


#: Words that open a sentence's adverbial lead-in, which ends at its comma before the
#: subject: "When the vote closed, Ruiz said ...", "Back in 1999, Mr. Hart expressed ...",
#: "Ever since Ruiz announced her bid, she has said ...", "Outside the arena, protesters
#: chanted ...".  Written capitalised, as they stand at a sentence's start.
ADVERBIAL_OPENERS: Final = frozenset(
    """
    When After Before As While In On At During Asked Later Earlier Then But And Still
    Meanwhile Instead Afterward Afterwards Back Ever Since Outside Inside Alongside Amid
    Despite Following Throughout Until Among Across
    """.split()
)


#: Verbs that name or chant what follows in quotation marks ("called it “a disgrace”").
NAMING_VERBS: Final = frozenset(
    """
    called calls calling dubbed dubs labeled labelled labels termed terms chanting chanted
    chant mouthing mouthed offered declared
    """.split()
)


#: Words a title of a work may hold in lower case ("Tides of Lornia"): a quoted title is
#: no quote.
TITLE_MINOR_WORDS: Final = frozenset("a an the of in on at to for and or but with by from".split())


#: Words after "said" that begin no reported clause ("said in a statement", "said so").
NOT_CLAUSE_STARTS: Final = frozenset(
    """
    in on at to for from with by about after before during of as so yes no nothing goodbye
    thanks hello last this next earlier later today yesterday tonight recently repeatedly
    monday tuesday wednesday thursday friday saturday sunday over across outside inside
    near into via through without while when
    """.split()
)


#: Words that open what follows "X said" without being reported speech ("..., he said on
#: Monday").
TAIL_OPENERS: Final = frozenset(
    """
    on in at during after before when while last this yesterday today earlier later
    monday tuesday wednesday thursday friday saturday sunday recently previously
    """.split()
)


#: Words that open an appositive after a name ("X, a spokeswoman ...", "X, who heads ...").
APPOSITIVE_OPENERS: Final = frozenset(DETERMINERS | {"who", "which", "whose"})


#: Words an appositive never holds: they mean the comma closed a clause, not a description.
NOT_IN_APPOSITIVE: Final = frozenset({"said", "says", "told", "tells", "when", "if", "because"})


#: Common English words that are no common word of another language langdetect knows
#: written in Latin letters ("was" and "will" are German, "have" Danish, "over" Dutch):
#: a sample of English news has one in eight words or more of them.
ENGLISH_MARKERS: Final = frozenset(
    """
    the and that with were said which would from his they their been this who she you its
    had not what when there about could should than them these those into
    """.split()
)


#: The commonest words of other languages written in Latin letters, even without accents:
#: two of them in a sample leave the language to langdetect ("the library" in French).
OTHER_LATIN_MARKERS: Final = frozenset(
    """
    le la les des du et est une der die das und ist nicht el los las y que del il di che
    della het een van och att og jeg ya wa ang mga yang dan ini itu
    """.split()
)
