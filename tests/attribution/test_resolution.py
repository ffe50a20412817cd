"""Who a "he", "she", a role or a surname stands for: people the article names, speakers or
not, and what it tells of them."""

import json

from articles.attribution import extract
from articles.attribution.__main__ import main
from articles.attribution.people import mine_given_names


def _speakers(text: str) -> list[tuple[str, str | None]]:
    """(the source as written, the person it was resolved to), in text order."""
    return [
        (text[slice(*a.speaker_mention)], a.speaker.canonical_name if a.speaker else None)
        for a in extract(text)
        if a.speaker_mention
    ]


def test_he_is_the_person_the_sentence_before_is_about_not_the_last_speaker():
    text = (
        "Lena Park said on Monday that the economy was improving.\n\n"
        "Tomas Berg arrived in Ohio on Tuesday for a rally with supporters. "
        "He said that the economy was a disaster."
    )
    assert _speakers(text)[-1] == ("He", "Tomas Berg")


def test_the_source_of_a_statement_comes_before_others_named_in_its_sentence():
    text = (
        "Tomas Berg arrived in Ohio on Tuesday.\n\n"
        '"The plan will fail," Lena Park said of Mr. Berg on Wednesday. '
        "She added that the vote would be close."
    )
    assert _speakers(text)[-1] == ("She", "Lena Park")


def test_she_skips_a_man_the_given_name_tells_of():
    # "Donald" is mined as a man's name, "Hillary" as a woman's (data/given_names.json).
    text = (
        "Hillary Clinton spoke in Iowa on Monday.\n\n"
        "Donald Trump attacked her plan in a speech. "
        "She said that the plan would create jobs."
    )
    assert _speakers(text)[-1] == ("She", "Hillary Clinton")


def test_a_person_named_after_a_preposition_in_the_same_sentence_is_not_the_pronoun():
    text = (
        "Dianne Feinstein met reporters on Tuesday.\n\n"
        'Asked about Jake Sullivan, she said "I don\'t know anything about the emails."'
    )
    assert _speakers(text)[-1] == ("she", "Dianne Feinstein")


def test_a_name_inside_a_quotation_is_no_antecedent():
    text = (
        "Lena Park spoke at the town hall on Monday.\n\n"
        '"I do take what Alan Krueger said seriously. He is the foremost expert on wages," '
        "she said."
    )
    assert ("she", "Lena Park") in _speakers(text)


def test_a_role_takes_the_person_named_with_it_though_not_yet_a_speaker():
    text = (
        "Sen. Marco Rubio and former Gov. Jeb Bush campaigned in Iowa.\n\n"
        "The Florida senator said the polls were wrong."
    )
    assert _speakers(text)[-1] == ("The Florida senator", "Marco Rubio")


def test_a_description_takes_the_person_the_article_is_about():
    text = (
        "Donald Trump toured a steel plant in Ohio on Monday.\n\n"
        "The billionaire businessman said the plant would reopen."
    )
    assert _speakers(text)[-1] == ("The billionaire businessman", "Donald Trump")


def test_someone_introduced_without_a_name_stays_unnamed():
    text = (
        "Bernie Sanders spoke in Manchester on Sunday. One man in the crowd interrupted him.\n\n"
        '"They stole the country," the man said.'
    )
    assert _speakers(text)[-1] == ("the man", "the man")


def test_a_function_in_the_scene_is_no_named_person():
    text = (
        "Donald Trump spoke for an hour on Monday.\n\n"
        "The moderator said the debate would resume after a break."
    )
    assert _speakers(text)[-1] == ("The moderator", "the moderator")


def test_a_surname_takes_the_full_name_of_someone_named_but_not_yet_quoted():
    text = (
        "Senate Intelligence Ranking Democrat Dianne Feinstein was briefed last week.\n\n"
        "Feinstein said the emails were harmless."
    )
    assert _speakers(text) == [("Feinstein", "Dianne Feinstein")]


def test_a_surname_shared_by_two_people_named_takes_neither():
    text = (
        "Hillary Clinton and Bill Clinton arrived in Iowa on Monday.\n\n"
        "Clinton said the polls were wrong."
    )
    assert _speakers(text) == [("Clinton", "Clinton")]


def test_given_names_are_mined_from_honorifics_and_he_or_she_after_a_name():
    documents = [
        {
            "doc_id": "a",
            "text": "Lena Park spoke on Monday. Mrs. Park said the bill was flawed.\n\n"
            "Tomas Berg spoke on Tuesday. He said it would pass.",
        },
        {"doc_id": "b", "text": "Lena Ward arrived in Ohio. She said the race was close."},
    ]
    names = mine_given_names(documents)["names"]
    assert names["lena"] == [0, 2]
    assert "tomas" not in names  # one piece of evidence is not enough


def test_train_writes_the_given_names(tmp_path):
    train = tmp_path / "train.jsonl"
    train.write_text(
        json.dumps(
            {
                "doc_id": "a",
                "text": "Tomas Berg spoke on Monday. Mr. Berg said the bill would pass. "
                "Tomas Berg left. He said goodbye.",
                "quotes": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert main(["train", str(train), "--output-directory", str(tmp_path)]) == 0
    written = json.loads((tmp_path / "given_names.json").read_text(encoding="utf-8"))
    assert written["names"] == {"tomas": [2, 0]}
    assert "Berg" not in (tmp_path / "given_names.json").read_text(encoding="utf-8")


def test_a_role_qualified_by_a_body_takes_the_person_introduced_with_it():
    text = (
        "Senate Minority Leader Harry Reid met reporters on Tuesday.\n\n"
        '"It is not a one-way street," the Senate minority leader said.'
    )
    assert _speakers(text)[-1] == ("the Senate minority leader", "Harry Reid")


def test_a_description_is_matched_against_the_words_before_a_name_not_a_neighbours():
    text = (
        "Hillary Clinton used a private server.\n\n"
        "FBI Director James\xa0Comey stated Clinton and her team were careless.\n\n"
        "The director further stated that the emails were classified."
    )
    assert _speakers(text)[-1] == ("The director", "James Comey")


def test_a_candidate_said_to_be_one_is_not_someone_introduced_unnamed():
    text = (
        "Donald Trump spoke in Iowa. He is a candidate who has never held office.\n\n"
        "The candidate said the polls were wrong."
    )
    assert _speakers(text)[-1] == ("The candidate", "Donald Trump")


def test_places_and_buildings_are_no_antecedents():
    text = (
        "Lena Park spoke on Monday.\n\n"
        "Her office is on Capitol Hill, near the Trump Plaza Hotel. "
        "She said the vote would be close."
    )
    assert _speakers(text)[-1] == ("She", "Lena Park")


def test_a_clause_opener_is_no_part_of_a_name():
    text = (
        "Bernie Sanders campaigned in Iowa.\n\n"
        "Though Sanders held a lead in the polls, he said the race was close."
    )
    assert ("he", "Bernie Sanders") in _speakers(text)


def test_a_pronoun_closing_a_source_is_the_source_alone():
    text = (
        "Tomas Berg spoke on Monday about the budget, which he said would cut taxes.\n\n"
        "Lena Park arrived late. At the town hall this week she said the plan would fail.\n\n"
        "Tomas Berg left early. He’s said the plan would fail."
    )
    assert _speakers(text) == [("he", "Tomas Berg"), ("she", "Lena Park"), ("He", "Tomas Berg")]


def test_they_is_the_group_the_sentence_before_is_about():
    text = (
        "Union officials said the plan was sound.\n\n"
        "The attendees at the dinner were skeptical. They said the plan would fail."
    )
    assert _speakers(text)[-1] == ("They", "the attendees")


def test_they_can_be_two_people_named_together():
    text = (
        "Union officials said the plan was sound.\n\n"
        "The new editors are Anna Palmer and Jake Sherman. They said the paper would grow."
    )
    assert _speakers(text)[-1] == ("They", "Anna Palmer and Jake Sherman")


def test_they_skips_a_group_after_a_preposition_in_its_own_sentence():
    text = (
        "Republicans met in Ohio on Monday.\n\n"
        "After the vote by the delegates, they said the platform was settled."
    )
    assert _speakers(text)[-1] == ("they", "Republicans")


def test_who_after_an_apposition_is_the_name_before_it():
    text = (
        "Sanders has invited Matt Duss, the president of the Foundation for Middle East Peace, "
        "who frequently criticizes the Israeli government."
    )
    assert _speakers(text) == [("who", "Matt Duss")]


def test_who_after_people_is_those_people():
    text = "If superdelegates go, senators who wanted to attend the convention would have to run."
    assert _speakers(text) == [("who", "senators")]


def test_an_it_that_stands_for_nothing_names_no_one():
    text = (
        "The Times reported on Monday that the plan was dead. "
        "It was revealed in March that the emails were classified."
    )
    assert _speakers(text)[-1] == ("It", None)


def test_it_is_the_body_the_sentence_before_is_about():
    text = (
        "The Times reported on Monday that the plan was dead.\n\n"
        "The ethics committee met on Tuesday. It said the rules had been broken."
    )
    assert _speakers(text)[-1] == ("It", "the ethics committee")


def test_a_body_that_only_qualifies_a_person_is_no_antecedent_for_it():
    text = (
        "The Times reported on Monday that the plan was dead.\n\n"
        "The FBI director spoke on Tuesday. It said the rules had been broken."
    )
    assert _speakers(text)[-1] == ("It", "the Times")


def test_who_after_a_name_and_its_state_is_the_person():
    text = (
        "The plan was backed by Sen. Dianne Feinstein of California, who said the rules had "
        "been broken."
    )
    assert _speakers(text) == [("who", "Dianne Feinstein")]


def test_it_is_a_body_named_with_of():
    text = (
        "The Times reported on Monday that the plan was dead.\n\n"
        "Lena Park met the president of the University of Michigan. "
        "It said the rules had been broken."
    )
    assert _speakers(text)[-1] == ("It", "the University of Michigan")


def test_its_worth_noting_names_no_one():
    text = (
        "The Times reported on Monday that the plan was dead.\n\n"
        "It's worth noting the rules were broken, she said."
    )
    assert ("It's worth", None) in _speakers(text)


def test_a_role_held_by_two_people_named_goes_to_the_one_the_article_is_about():
    text = (
        "President Barack Obama spoke in Paris on Saturday. Obama said the accord was historic.\n\n"
        "Obama played golf with World Bank President Jim Yong Kim on Sunday.\n\n"
        "The president said the accord would cut emissions."
    )
    assert _speakers(text)[-1] == ("The president", "Barack Obama")


def test_a_thing_ending_like_a_role_is_no_description_of_someone_named():
    # "number" ends like "senator" and "paper" like "reporter", but neither is a person.
    text = (
        "President Obama spoke in Ohio on Monday. "
        "The number suggests that the recovery is real. "
        "The order says that the agency must act."
    )
    # A number cited is a document's, named by no one; an order stays as written.
    assert _speakers(text) == [("The number", None), ("The order", "the order")]


def test_a_name_after_a_capitalised_preposition_opening_the_sentence_is_no_subject():
    text = (
        "With Merrick Garland, President Obama made the safe choice for the court. "
        "He said he is trying to call the bluff of Republicans."
    )
    assert _speakers(text)[-1] == ("He", "Obama")


def test_a_source_that_is_no_one_is_no_antecedent_for_she():
    text = (
        "In Louisville, Ms. Nwanguma was shocked by the reaction from the crowd, she said in "
        "an interview later. A video of the episode shows her clutching her cellphone among "
        "the crowd. She said she was thinking of her family."
    )
    assert _speakers(text)[-1] == ("She", "Nwanguma")


def test_they_is_the_plural_subject_rather_than_the_medium_that_told_of_it():
    text = (
        "According to the Post, Republican officials looked into the consequences. "
        "They said the party rules would keep him off the ballot."
    )
    assert _speakers(text)[-1] == ("They", "Republican officials")


def test_they_can_be_the_two_or_a_family_named_by_its_surname():
    text = (
        "Clinton faced questions about her campaign on Sunday. "
        "The two squabbled at length over immigration. "
        "They said the bailout was a mistake."
    )
    assert _speakers(text)[-1] == ("They", "the two")
    text = (
        "Barack Obama greeted guests at the White House. The Obamas cut back the ritual. "
        "They said it was demanding."
    )
    assert _speakers(text)[-1] == ("They", "the Obamas")


def test_an_honorific_is_no_group():
    text = (
        "Mrs. Clinton's position has angered some Democrats on the left. "
        "They said she is too close to Wall Street."
    )
    assert _speakers(text)[-1] == ("They", "some Democrats")


def test_a_role_held_by_two_people_goes_to_the_one_the_text_is_about_there():
    # Sanders is named more often, but the paragraph is about Rubio.
    text = (
        "Sen. Bernie Sanders spoke in Concord. Sanders said the system was rigged. "
        "Sanders later met voters in Nashua.\n\n"
        "Sen. Marco Rubio stopped by his headquarters in Manchester on Monday. "
        "The senator said his campaign was closing strong."
    )
    assert _speakers(text)[-1] == ("The senator", "Marco Rubio")


def test_a_possessor_opening_the_pronouns_own_sentence_is_its_topic():
    text = (
        '"Their vote did not count," said Meenakshi Ganguly of Human Rights Watch.\n\n'
        "Suu Kyi's fate is still unclear, but she said at a news conference that she "
        "would govern the country."
    )
    assert _speakers(text)[-1] == ("she", "Suu Kyi")


def test_they_can_be_a_list_of_groups():
    text = (
        "Throughout the night, his friends, aides and employees talked about his character. "
        "In speeches, they described him as a visionary."
    )
    assert _speakers(text)[-1] == ("they", "his friends, aides and employees")


def test_a_description_of_no_person_is_no_new_speaker() -> None:
    """The mention stays, as annotators mark it; but no one is proposed for "The footage"."""
    cases = {
        "The footage shows the pier collapsing into the harbour.": ("The footage", None),
        "This finding suggests that the levy is too high.": ("This finding", None),
        "A friend said the harbour master had warned them.": ("A friend", ("a friend", "person")),
        "The organizer told them the march would go on.": (
            "The organizer",
            ("the organizer", "person"),
        ),
        "The airline added that the pilot had passed every check.": (
            "The airline",
            ("the airline", "organization"),
        ),
    }
    for text, (mention, speaker) in cases.items():
        (found,) = extract(text)
        assert text[found.speaker_mention[0] : found.speaker_mention[1]] == mention
        got = (found.speaker.canonical_name, found.speaker.kind) if found.speaker else None
        assert got == speaker, text
    # Counted people are still someone.
    text = "Two of the suspects said the levy was too high."
    (found,) = extract(text)
    assert found.speaker is not None and found.speaker.canonical_name == "Two of the suspects"
