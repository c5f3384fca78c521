"""The same service with the fixes aiplint suggests: IDs in the path, after their plural collection."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from jobs_api.models import Job, JobPage, Session

post_training = APIRouter(prefix="/v1alpha/post-training", tags=["post-training"])


@post_training.get("/jobs")
def list_training_jobs() -> JobPage:
    return JobPage(data=[])


@post_training.get("/jobs/{job_uuid}/status")
def get_training_job_status(job_uuid: str) -> Job:
    return Job(job_uuid=job_uuid, status="running")


@post_training.post("/jobs/{job_uuid}/cancel")
def cancel_training_job(job_uuid: str) -> None:
    return None


agents = FastAPI(title="Agents")  # a sub-application, mounted under /v1 below


@agents.get("/agents/{agent_id}/sessions/{session_id}")
def get_agent_session(agent_id: str, session_id: str) -> Session:
    return Session(session_id=session_id, agent_id=agent_id)


app = FastAPI(title="Jobs")
app.include_router(post_training)
app.mount("/v1", agents)
