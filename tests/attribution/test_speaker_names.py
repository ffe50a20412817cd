"""The names and kinds the engine suggests for speakers it does not know: what a curator sees
as a proposed new speaker, on sentences of our own."""

import pytest

from articles.attribution import Gazetteer, GazetteerEntry, extract
from articles.attribution.speakers import (
    guess_kind,
    names_no_speaker,
    new_speaker_name,
    person_name_in,
)


def speakers(text: str) -> dict[str, tuple[str, str] | None]:
    """Mention as written -> (suggested name, kind), or None when no speaker is suggested."""
    found = {}
    for attribution in extract(text):
        if attribution.speaker_mention is None:
            continue
        start, end = attribution.speaker_mention
        speaker = attribution.speaker
        found[text[start:end]] = (speaker.canonical_name, speaker.kind) if speaker else None
    return found


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        # Initials and generational suffixes are part of the name.
        ("Vice President Joseph R. Biden Jr.", "Joseph R. Biden Jr."),
        ("Vann R. Newkirk II", "Vann R. Newkirk II"),
        ("R. Gil Kerlikowske", "R. Gil Kerlikowske"),
        # A possessor is not: the name that follows it is.
        ("CNN’s Jake Tapper", "Jake Tapper"),
        ("Trump's", "Trump"),
        # A name followed by where the person works or comes from.
        ("Karlyn Bowman of the American Enterprise Institute", "Karlyn Bowman"),
        ("Sen. Brian Schatz of Hawaii", "Brian Schatz"),
        ("Sen. Richard J. Durbin (D-Ill.)", "Richard J. Durbin"),
        # A title, then an office and its organisation, then the name.
        ("Secretary of State John Kerry", "John Kerry"),
        (
            "The spokesman of the Supreme National Security Council (SNSC) Kayvan Khosravi",
            "Kayvan Khosravi",
        ),
        ("Texas Sen. Ted Cruz", "Ted Cruz"),
        ("Rival Hillary Clinton, however", "Hillary Clinton"),
        ("Pres. Obama", "Obama"),
        # Lowercase particles belong to the surname.
        ("Pierre de Vos, a professor of law", "Pierre de Vos"),
        ("Mr. de Vos", "de Vos"),
        ("Osama bin Laden", "Osama bin Laden"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        # Mentions that describe a person without naming them.
        ("the New York businessman", None),
        ("one Clinton aide", None),
        ("Nevada Democrat’s", None),
        ("a spokesman for Jeb Bush", None),
        ("The director of the European Centre", None),
        ("CEO of Washington Restaurant Association", None),
        ("Sanders's campaign manager", None),
        ("Another 19 percent", None),
        # A common word capitalised at the start of a mention (a headline, a sentence
        # opener) is no part of the name; a rarer one may be a first name.
        ("Does Rubio", "Rubio"),
        ("What Sanders", "Sanders"),
        ("Actor Clint Howard", "Clint Howard"),
        ("Pastor Joseph Brown", "Joseph Brown"),
        ("Moderator Bret Baier", "Bret Baier"),
        ("Will Rogers", "Will Rogers"),
        ("Guy Cecil", "Guy Cecil"),
        ("Bill de Blasio", "Bill de Blasio"),
        ("Better Government Association", "Better Government Association"),
    ],
)
def test_the_personal_name_in_a_mention(mention: str, name: str | None) -> None:
    assert person_name_in(mention) == name


@pytest.mark.parametrize(
    ("mention", "kind", "name"),
    [
        ("Border Patrol agents", "group", "Border Patrol agents"),
        ("Lobbyists in general", "group", "Lobbyists in general"),
        ("Democratic voters in all five states", "group", "Democratic voters in all five states"),
        ("her Democratic allies", "group", "her Democratic allies"),
        ("Participants", "group", "Participants"),
        ("The union, which endorsed her in November", "organization", "the union"),
        ("Some Democrats, however", "group", "Some Democrats"),
        ("Overall, conservative groups", "group", "conservative groups"),
        ("the IMF", "organization", "the IMF"),
        ("her team", "organization", "her team"),
        ("the New York businessman", "person", "the New York businessman"),
        ("a spokesman for Jeb Bush", "person", "a spokesman for Jeb Bush"),
        ("local media in Syria", "media", "local media in Syria"),
        ("Vice President Joseph R. Biden Jr.", "person", "Joseph R. Biden Jr."),
        # Several people, counted or quantified, are a group, whatever qualifies them.
        (
            "All three Republican presidential candidates",
            "group",
            "All three Republican presidential candidates",
        ),
        ("Both men", "group", "Both men"),
        ("Two spokesmen", "group", "Two spokesmen"),
        ("Romney's associates", "group", "Romney's associates"),
        ("Progressive groups", "group", "Progressive groups"),
        # A campaign's camp and a board are organisations, not the person or role named in them.
        ("the Clinton camp", "organization", "the Clinton camp"),
        ("Its executive board", "organization", "Its executive board"),
        # A country speaks through its government: an organisation, never a person.
        ("Germany", "organization", "Germany"),
        ("South Korea’s", "organization", "South Korea"),
        ("Russia", "organization", "Russia"),
        ("the U.S.", "organization", "the U.S."),
        # A people or a family is a group.
        ("the Germans", "group", "the Germans"),
        ("the Clintons", "group", "the Clintons"),
        # A person described by a qualified noun is described, not named after the qualifier.
        ("an Iowa voter", "person", "an Iowa voter"),
        ("The Air Force veteran", "person", "the Air Force veteran"),
        # A state of the United States speaks through its government, as a country does.
        ("New Jersey", "organization", "New Jersey"),
        ("Nevada's", "organization", "Nevada"),
        # So does one in its news-style abbreviation; without the full stop it is a name.
        ("N.Y.", "organization", "N.Y."),
        ("Calif.", "organization", "Calif"),
        ("Mo", "person", "Mo"),
        # Places and assemblies are bodies, not people named after their qualifier.
        ("The Oklahoma legislature", "organization", "the Oklahoma legislature"),
        (
            "The Democratic National Convention",
            "organization",
            "the Democratic National Convention",
        ),
        ("the city of Nice", "organization", "the city of Nice"),
        # A title of "the" and capitalised words is a publication or a body; "the Texan" is
        # still someone.
        ("The Atlantic", "organization", "the Atlantic"),
        ("The Iowa Electronic Markets", "organization", "the Iowa Electronic Markets"),
        ("the Texan", "person", "the Texan"),
        ("one kind-hearted Canadian", "person", "one kind-hearted Canadian"),
        # Someone named with where they work is a person, not the workplace.
        ("Karlyn Bowman of the American Enterprise Institute", "person", "Karlyn Bowman"),
        ("A producer for Yahoo Studios", "person", "a producer for Yahoo Studios"),
        (
            "The dean of Columbia's Graduate School of Journalism",
            "person",
            "the dean of Columbia's Graduate School of Journalism",
        ),
        ("Rep. Sander M. Levin (Mich.), a superdelegate", "person", "Sander M. Levin"),
        # Shares and counts of people are groups.
        ("60 percent", "group", "60 percent"),
        ("the two", "group", "the two"),
        ("ordinary voters alike", "group", "ordinary voters"),
        # An apposition saying what the name is.
        ("Working America, a labor-affiliated group", "organization", "Working America"),
        (
            "America Rising, a conservative political action committee",
            "organization",
            "America Rising",
        ),
        ("Win Htein, a member of the party's executive committee", "person", "Win Htein"),
        # What a possessor owns, when it is someone or a body.
        ("Clinton’s allies", "group", "Clinton’s allies"),
        ("House Speaker Paul Ryan’s office", "organization", "House Speaker Paul Ryan’s office"),
        (
            "Chancellor Angela Merkel's Christian Democratic Union",
            "organization",
            "Chancellor Angela Merkel's Christian Democratic Union",
        ),
        # Local offices are roles, not part of the name.
        ("Chicago Alderman Jason C. Ervin", "person", "Jason C. Ervin"),
        # What the walk back from the cue took from the clause is not part of the name.
        ("the Kentucky Republican on Tuesday", "person", "the Kentucky Republican"),
        ("The Obama administration long ago", "organization", "the Obama administration"),
        ("U.S. officials have, in fact", "group", "U.S. officials"),
        ("Mexican officials now", "group", "Mexican officials"),
        ("Two House Committees on Monday", "group", "Two House Committees"),
        # A body's records stand for the body.
        ("Federal Election Commission records", "organization", "Federal Election Commission"),
        # A document named with its maker stands for the maker; data it cites does not.
        ("a tally by the Associated Press", "media", "the Associated Press"),
        ("a study from the University of Michigan", "organization", "the University of Michigan"),
        ("Salceda, citing data from the U.S. State Department", "person", "Salceda"),
        ("Vatican Radio", "media", "Vatican Radio"),
        ("Judicial Watch", "organization", "Judicial Watch"),
        ("United Technologies", "organization", "United Technologies"),
        # A headline's adverb after a name is no part of it; a preposition in a name is.
        ("Mark Cuban Just", "person", "Mark Cuban"),
        ("Donald Trump Finally", "person", "Donald Trump"),
        ("Al From", "person", "Al From"),
    ],
)
def test_the_kind_and_name_suggested_for_a_new_speaker(mention: str, kind: str, name: str) -> None:
    assert guess_kind(mention) == kind
    assert new_speaker_name(mention, kind) == name


def test_a_surname_finds_a_full_name_with_initial_and_suffix() -> None:
    text = (
        "Vice President Joseph R. Biden Jr. said the bill would pass.\n\n"
        "Biden added that the vote would come soon."
    )
    found = speakers(text)
    assert found["Vice President Joseph R. Biden Jr."] == ("Joseph R. Biden Jr.", "person")
    assert found["Biden"] == ("Joseph R. Biden Jr.", "person")


def test_a_surname_with_or_without_its_particle_finds_the_full_name() -> None:
    text = (
        '"It will be close," said Pierre de Vos, a professor of law.\n\n'
        "Mr. de Vos said the court would rule soon. Vos added that it was hard to say.\n\n"
        "Sen. Chris Van Hollen said the bill would pass. Mr. Van Hollen added that the vote "
        "was near."
    )
    found = speakers(text)
    assert found["Pierre de Vos, a professor of law"] == ("Pierre de Vos", "person")
    assert found["Mr. de Vos"] == ("Pierre de Vos", "person")
    assert found["Vos"] == ("Pierre de Vos", "person")
    assert found["Mr. Van Hollen"] == ("Chris Van Hollen", "person")


def test_a_surname_that_is_also_a_country_finds_the_person_met_earlier() -> None:
    text = (
        "Rep. Jim Jordan said the bill was flawed.\n\n"
        "Jordan added that the vote would fail. Germany said it would send troops."
    )
    found = speakers(text)
    assert found["Jordan"] == ("Jim Jordan", "person")
    assert found["Germany"] == ("Germany", "organization")


def test_the_gazetteer_finds_a_person_by_a_surname_with_a_particle() -> None:
    gazetteer = Gazetteer([GazetteerEntry("Osama bin Laden"), GazetteerEntry("Laden Smith")])
    assert gazetteer.by_name("bin Laden").canonical_name == "Osama bin Laden"
    assert gazetteer.by_name("Bin Laden").canonical_name == "Osama bin Laden"


def test_a_possessive_mention_of_what_someone_said_is_theirs() -> None:
    text = (
        "Donald Trump said on Monday that he would win Ohio.\n\n"
        "His statement said the wall would be paid for. His allies say the plan is sound."
    )
    found = speakers(text)
    assert found["His statement"] == ("Donald Trump", "person")
    assert found["His allies"] == ("His allies", "group")


def test_a_person_described_by_whom_they_work_for_is_not_their_employer() -> None:
    text = (
        "Jeb Bush said the plan was sound.\n\n"
        "A spokesman for Jeb Bush said the campaign would respond on Monday."
    )
    found = speakers(text)
    assert found["Jeb Bush"] == ("Jeb Bush", "person")
    assert found["A spokesman for Jeb Bush"] == ("a spokesman for Jeb Bush", "person")


def test_a_role_with_a_qualifier_does_not_take_a_person_with_another_qualifier() -> None:
    text = (
        "The Vermont senator, Lena Ward, said the bill was flawed.\n\n"
        "The Florida senator said the bill would pass."
    )
    found = speakers(text)
    assert found["The Florida senator"] == ("the Florida senator", "person")


def test_documents_and_times_suggest_no_speaker() -> None:
    text = (
        "A legal opinion concluded that the merger was lawful.\n\n"
        "The new law says that every school must publish its budget."
    )
    found = speakers(text)
    assert found == {"A legal opinion": None, "The new law": None}
    assert speakers("The report said that the river had flooded.") == {"The report": None}


def test_page_labels_and_clauses_about_documents_suggest_no_speaker() -> None:
    assert names_no_speaker("The Latest")
    assert names_no_speaker("The bill did something Republicans")
    assert names_no_speaker("the Party’s platform")
    assert not names_no_speaker("The Atlantic")
    assert not names_no_speaker("Police had last month")


def test_a_question_does_not_make_its_auxiliary_part_of_the_name() -> None:
    text = (
        "Does Rubio, like most voters, favor the harbour plan? Rubio told reporters that "
        "the plan would be ready in May. He said it would cost less."
    )
    names = {a.speaker.canonical_name for a in extract(text) if a.speaker}
    assert names == {"Rubio"}


def test_a_lone_common_word_capitalised_by_its_place_names_no_one() -> None:
    text = "Holding said the plan was unfair."
    assert speakers(text) == {"Holding": None}
    # A name ending the sentence before it does not make the word part of a name.
    text = "The council met Olsen. Holding said the plan was unfair."
    assert speakers(text) == {"Holding": None}
    # A word the article also writes as part of a longer name is that name.
    text = "Secretary-General Ban Ki-moon visited Oslo. Ban said the harbour was safe."
    assert speakers(text) == {"Ban": ("Ban", "person")}
    # A plural that names people is a group.
    text = "Investors said the plan was unfair."
    assert speakers(text) == {"Investors": ("Investors", "group")}


def test_a_role_word_closing_a_name_is_a_surname() -> None:
    assert person_name_in("former Vermont Gov. Howard Dean") == "Howard Dean"
    assert person_name_in("Law School Dean Jane Smith") == "Jane Smith"
    assert person_name_in("the Harvard dean") is None
    assert person_name_in("U.N. Secretary-General Ban Ki-moon") == "Ban Ki-moon"


def test_a_document_whose_author_the_mention_does_not_give_is_judged_without_error() -> None:
    # "a poll by" ends before its author: no author to take, and no IndexError.
    assert guess_kind("a poll by") in ("person", "organization", "media", "group")
    assert guess_kind("a tally by the Associated Press") == "media"
