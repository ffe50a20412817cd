"""Tiny views that report which database the router picked, for the router tests."""

from django.http import JsonResponse
from django.urls import path

from quotedb.models import Topic


def read(request):
    return JsonResponse({"db": Topic.objects.all().db})


def write(request):
    topic = Topic.objects.create(name="Written", slug=f"written-{Topic.objects.count()}")
    return JsonResponse({"db": Topic.objects.all().db, "wrote_to": topic._state.db})


urlpatterns = [path("read/", read), path("write/", write)]
