"""The jobs service of examples/fastapi-jobs (before the fix) in Litestar: routers with path prefixes."""

from __future__ import annotations

from dataclasses import dataclass

from litestar import Litestar, Router, get, post


@dataclass
class Job:
    job_uuid: str
    status: str


@dataclass
class CancelRequest:
    job_uuid: str


@get("/jobs")
async def list_training_jobs() -> list[Job]:
    return []


@get("/job/status")
async def get_training_job_status(job_uuid: str) -> Job:
    return Job(job_uuid, "running")


@post("/job/cancel")
async def cancel_training_job(data: CancelRequest) -> None:
    return None


@get("/agents/{agent_id:str}/session/{session_id:str}")
async def get_agent_session(agent_id: str, session_id: str) -> dict[str, str]:
    return {"agent_id": agent_id, "session_id": session_id}


post_training = Router(path="/v1alpha/post-training", route_handlers=[list_training_jobs, get_training_job_status,
                                                                     cancel_training_job])
app = Litestar(route_handlers=[post_training, Router(path="/v1", route_handlers=[get_agent_session])])
