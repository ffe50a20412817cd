"""factory_boy factories, one per model, for readable test data."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article, Outlet
from quotedb.models import Quote, QuoteKind, QuoteStatus, Topic
from speakers.models import Alias, Role, Speaker, SpeakerKind


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker Number{n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    kind = SpeakerKind.PERSON


class OrganizationFactory(SpeakerFactory):
    name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
    kind = SpeakerKind.ORGANIZATION


class AliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Alias

    speaker = factory.SubFactory(SpeakerFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    person = factory.SubFactory(SpeakerFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = "Spokesman"
    start_on = datetime.date(2020, 1, 1)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")
    slug = factory.Sequence(lambda n: f"outlet-{n}")
    short_name = factory.Sequence(lambda n: f"O{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    outlet = factory.SubFactory(OutletFactory)
    title = factory.Sequence(lambda n: f"Article {n}")
    published_on = datetime.date(2023, 3, 25)
    body = factory.Sequence(lambda n: f"Body of article {n}. " * 5)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote
        skip_postgeneration_save = True

    text = factory.Sequence(lambda n: f"Statement number {n} about the matter at hand.")
    kind = QuoteKind.DIRECT
    cue = "said"
    speaker = factory.SubFactory(SpeakerFactory)
    speaker_mention = factory.LazyAttribute(
        lambda quote: quote.speaker.name if quote.speaker else ""
    )
    article = factory.SubFactory(ArticleFactory)
    status = QuoteStatus.APPROVED

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.add(*extracted)
