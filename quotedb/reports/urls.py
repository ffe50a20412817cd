"""Report URLs: embeds, oEmbed, exports, feeds, lists, the builder and speaker pages."""

from django.urls import path, re_path

from quotedb.reports import feeds, views

app_name = "reports"

FEED_FORMAT = r"(?P<feed_format>rss|atom)"

urlpatterns = [
    path("embed/quotes/", views.embed_quotes, name="embed-quotes"),
    path("embed/quotes/<int:pk>/", views.embed_quote, name="embed-quote"),
    path("embed/lists/<slug:slug>/", views.embed_list, name="embed-list"),
    path("oembed", views.oembed, name="oembed"),
    path("reports/quotes/", views.QuoteExportView.as_view(), name="export"),
    path("reports/builder/", views.report_builder, name="builder"),
    path("reports/builder/results/", views.report_builder_results, name="builder-results"),
    path("api/v1/lists/", views.QuoteListListView.as_view(), name="list-list"),
    path("api/v1/lists/<slug:slug>/", views.QuoteListDetailView.as_view(), name="list-detail"),
    path("speakers/<slug:slug>/", views.speaker_page, name="speaker"),
    path(
        "speakers/<slug:slug>/timeline.svg",
        views.speaker_timeline_svg,
        name="speaker-timeline",
    ),
    re_path(
        rf"^feeds/speakers/(?P<slug>[-\w]+)/{FEED_FORMAT}/$",
        feeds.speaker_feed,
        name="speaker-feed",
    ),
    re_path(
        rf"^feeds/topics/(?P<slug>[-\w]+)/{FEED_FORMAT}/$", feeds.topic_feed, name="topic-feed"
    ),
    re_path(rf"^feeds/lists/(?P<slug>[-\w]+)/{FEED_FORMAT}/$", feeds.list_feed, name="list-feed"),
]
