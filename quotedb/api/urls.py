"""The one API router."""

from rest_framework.routers import DefaultRouter

from quotedb.api import views

router = DefaultRouter()
router.register("quotes", views.QuoteViewSet, basename="quote")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("outlets", views.OutletViewSet, basename="outlet")
router.register("topics", views.TopicViewSet, basename="topic")

urlpatterns = router.urls
