"""The founding mistake, as Llama Stack's Python routes declared it before its v1 API had to break: the job's
ID travels in the query and in the body, and a collection has a singular name."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from jobs_api.models import CancelRequest, Job, JobPage, Session

post_training = APIRouter(prefix="/v1alpha/post-training", tags=["post-training"])


@post_training.get("/jobs")
def list_training_jobs() -> JobPage:
    return JobPage(data=[])


@post_training.get("/job/status")
def get_training_job_status(job_uuid: str) -> Job:
    return Job(job_uuid=job_uuid, status="running")


@post_training.post("/job/cancel")
def cancel_training_job(request: CancelRequest) -> None:
    return None


agents = FastAPI(title="Agents")  # a sub-application, mounted under /v1 below


@agents.get("/agents/{agent_id}/session/{session_id}")
def get_agent_session(agent_id: str, session_id: str) -> Session:
    return Session(session_id=session_id, agent_id=agent_id)


app = FastAPI(title="Jobs")
app.include_router(post_training)
app.mount("/v1", agents)
