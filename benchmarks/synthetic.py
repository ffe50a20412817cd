"""Synthetic but realistic quote data: Zipf-distributed words, speakers and topics."""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
from collections.abc import Sequence

# English words in rough order of frequency in news text: function words first, then the
# vocabulary of politics, economy, health and conflict reporting. Word frequencies in text
# follow Zipf's law, so drawing ranks from a Zipf distribution over this list gives
# full-text search the selectivity it meets on real quotes (common words everywhere, rare
# words in few rows).
WORDS = """
the of and to a in that is it for we be on not this are with as have they will was at by
but our i what from an all has there been if or more would their can which people about
so do one new had who us them you government no time should very now than other also
country years just because when need make going think said these its any must only up
how want out first those like some over after many know well state year work support
president important into against public could today security way minister take right
get world national back believe still every two see even day very good both same sure
last where while made through why most much here political policy under economic
between own part already clear future further help during before further long great
continue number change power always never again come give better such across without
different region health local international issue issues law decision group military
community course three process market point believe second children city war plan
system money question order report since high forces economy situation peace period
rights interest needs whole president's nation history real place women council
office action level army conditions election elections party parties crisis trade
development security forces agreement talks leaders leader foreign domestic social
water energy oil prices price growth jobs workers tax taxes budget deficit debt bank
banks inflation rate rates investment investors companies company industry business
sector private federal ministry spokesman spokeswoman official officials statement
press media news reported according sources source told added noted stressed warned
called urged announced confirmed denied rejected accused claimed insisted explained
responded replied argued suggested promised vowed pledged demanded criticized praised
welcomed condemned attack attacks strike strikes bombing missile missiles troops
soldiers police protest protests protesters demonstrators violence victims killed
wounded injured dead death deaths hospital hospitals doctors patients disease virus
pandemic vaccine vaccines vaccination cases infection schools students teachers
education university research science technology climate emissions carbon warming
environment environmental weather flood floods drought fire fires storm earthquake
disaster relief aid humanitarian refugees migrants migration border borders asylum
immigration court courts judge judges justice trial verdict prison sentence crime
criminal investigation evidence corruption fraud scandal resignation resign vote
votes voters voting campaign candidate candidates parliament congress senate senator
lawmakers legislation bill reform reforms constitution constitutional referendum
opposition coalition majority minority regime sanctions nuclear weapons program
negotiations deal treaty alliance allies partners partnership cooperation relations
diplomatic embassy ambassador summit meeting conference delegation visit envoy
ceasefire conflict fighting offensive operation operations territory sovereignty
independence occupation resistance rebels militants terrorism terrorist terrorists
threat threats risk risks danger safety stability instability tension tensions
pressure responsibility accountability transparency freedom democracy democratic
human dignity equality justice fairness rule respect dialogue solution solutions
approach strategy measures steps efforts response responses challenge challenges
opportunity opportunities progress success failure mistake mistakes problem problems
concern concerns hope fear confidence trust doubt truth lies false true fact facts
information data figures numbers percent million billion thousands hundreds dozens
several few months weeks days hours morning evening night week month decade century
yesterday tomorrow recently soon later earlier ago already finally eventually
immediately quickly slowly fully completely entirely largely mostly partly simply
certainly clearly obviously absolutely definitely probably perhaps possibly really
actually indeed however therefore although though unless until whether either
neither nor yet instead rather despite regarding concerning following including
within among along around toward towards behind beyond above below near far away
together alone everyone everything nothing something someone anyone nobody anything
himself herself themselves ourselves itself myself yourself each another others
whose whom whatever whenever wherever however something everybody somebody
open close closed opened began begin begins started start end ended ending remain
remains remained keep kept hold held bring brought lead led follow followed allow
allowed prevent prevented protect protected defend defended fight fought win won
lose lost build built create created provide provided increase increased reduce
reduced raise raised cut cuts spend spending invest invested pay paid cost costs
afford benefit benefits serve served represent represented agree agreed disagree
understand understood expect expected consider considered decide decided choose
chose discuss discussed address addressed ensure ensured achieve achieved improve
improved strengthen strengthened maintain maintained restore restored return
returned move moved stop stopped stay stayed leave left join joined meet met
face faced deal dealt manage managed handle handled solve solved fix fixed
government's country's people's nation's world's region's city's party's
american european british french german russian chinese iranian israeli
palestinian syrian iraqi afghan turkish indian pakistani african arab asian
western eastern northern southern middle east west north south united states
kingdom union europe asia africa america washington london paris moscow beijing
tehran brussels berlin geneva ankara cairo delhi tokyo kyiv damascus baghdad
strong weak large small big little major minor key main central critical serious
significant necessary possible impossible difficult easy hard simple complex full
free fair open safe secure stable effective successful historic unprecedented
direct indirect current previous recent former latest early late final next
""".split()

FIRST_NAMES = """
James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa
Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily
Andrew Donna Joshua Michelle Kenneth Dorothy Kevin Carol Brian Amanda George Melissa
Edward Deborah Ronald Stephanie Timothy Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia
Ali Fatima Mohammad Zahra Hossein Maryam Reza Leila Hassan Nasrin Ahmad Sara Mehdi Narges
Olga Ivan Natalia Sergei Elena Dmitri Anna Pavel Irina Alexei Wei Li Fang Jun Min Hui
Hiroshi Yuki Kenji Aiko Arjun Priya Rahul Ananya Vikram Kavya Carlos Maria Jose Lucia
Juan Sofia Luis Camila Pierre Camille Jean Chloe Louis Manon Hans Greta Klaus Ingrid
Lars Astrid Nils Freya Kwame Amara Chidi Ngozi Tunde Aisha Omar Layla Yusuf Noor Emre
Elif Mustafa Zeynep Piotr Agnieszka Tomasz Katarzyna Giorgos Eleni Nikos Sofia Marco
Giulia Luca Chiara Pablo Elena Diego Valentina Kofi Abena Thabo Lerato Sipho Naledi
""".split()

LAST_NAMES = """
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez
Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson
White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott
Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts Ahmadi Hosseini Rezaei Mohammadi Karimi Moradi Jafari Rahimi Khosravi Sadeghi
Ivanov Smirnov Kuznetsov Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov Wang Zhang
Liu Chen Yang Huang Zhao Wu Zhou Xu Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto
Sharma Verma Gupta Singh Kumar Patel Reddy Iyer Nair Das Silva Santos Oliveira Souza
Pereira Costa Dubois Lefebvre Moreau Laurent Simon Michel Leroy Roux Muller Schmidt
Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Andersson Johansson
Karlsson Nilsson Eriksson Larsson Okafor Adeyemi Mensah Boateng Okonkwo Nwosu Diallo
Traore Haddad Khalil Mansour Nasser Saleh Yilmaz Kaya Demir Sahin Celik Nowak
Kowalski Wisniewski Wojcik Papadopoulos Georgiou Rossi Russo Ferrari Esposito Bianchi
Romano Fernandez Ruiz Diaz Moreno Alvarez Romero Mbeki Dlamini Nkosi Ndlovu Khumalo
""".split()

CUE_VERBS = ["said", "told", "added", "stressed", "warned", "argued", "noted", "claimed"]


class ZipfSampler:
    """Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1) ** exponent."""

    def __init__(self, n: int, exponent: float = 1.0, rng: random.Random | None = None):
        weights = (1.0 / (rank + 1) ** exponent for rank in range(n))
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1]
        self.rng = rng or random.Random(0)

    def draw(self) -> int:
        return bisect.bisect_left(self.cumulative, self.rng.random() * self.total)

    def draws(self, k: int) -> list[int]:
        return [self.draw() for _ in range(k)]


class TextMaker:
    """Sentences whose word frequencies follow Zipf's law over WORDS."""

    def __init__(self, rng: random.Random, words: Sequence[str] = WORDS):
        self.rng = rng
        self.words = list(dict.fromkeys(words))
        self.sampler = ZipfSampler(len(self.words), 1.05, rng)

    def sentence(self, min_words: int = 8, max_words: int = 40) -> str:
        # Quote lengths cluster around 15-20 words with a long tail, like real quotations.
        length = max(min_words, min(max_words, int(self.rng.lognormvariate(2.85, 0.45))))
        words = [self.words[self.sampler.draw()] for _ in range(length)]
        words[0] = words[0].capitalize()
        return " ".join(words) + "."


def speaker_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct plausible names (a middle initial separates namesakes)."""
    names: dict[str, None] = {}
    initials = "ABCDEFGHIJKLMNOPRSTW"
    while len(names) < count:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        if name in names:
            name = f"{first} {rng.choice(initials)}. {last}"
        if name in names:
            name = f"{first} {rng.choice(initials)}. {rng.choice(initials)}. {last}"
        names[name] = None
    return list(names)


def random_day(rng: random.Random, first: datetime.date, days: int) -> datetime.date:
    # News volume grows over time: later days are somewhat likelier.
    offset = int(days * rng.random() ** 0.8)
    return first + datetime.timedelta(days=min(offset, days - 1))
