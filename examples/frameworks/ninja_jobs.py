"""The jobs service of examples/fastapi-jobs (before the fix) in Django Ninja, served under /api/."""

from __future__ import annotations

import django
from django.conf import settings

if not settings.configured:  # a standalone example: a real project has its settings module
    settings.configure(ROOT_URLCONF=__name__, SECRET_KEY="example", INSTALLED_APPS=[])
    django.setup()

from django.urls import path  # noqa: E402 - after the settings
from ninja import NinjaAPI, Router, Schema  # noqa: E402


class Job(Schema):
    job_uuid: str
    status: str


class CancelRequest(Schema):
    job_uuid: str


post_training = Router()


@post_training.get("/jobs", response=list[Job])
def list_training_jobs(request):
    return []


@post_training.get("/job/status", response=Job)
def get_training_job_status(request, job_uuid: str):
    return Job(job_uuid=job_uuid, status="running")


@post_training.post("/job/cancel")
def cancel_training_job(request, body: CancelRequest):
    return None


api = NinjaAPI(title="Jobs")
api.add_router("/v1alpha/post-training", post_training)


@api.get("/v1/agents/{agent_id}/session/{session_id}")
def get_agent_session(request, agent_id: str, session_id: str):
    return {"agent_id": agent_id, "session_id": session_id}


urlpatterns = [path("api/", api.urls)]
