"""The request and response bodies both versions of the service share."""

from __future__ import annotations

from pydantic import BaseModel


class Job(BaseModel):
    job_uuid: str
    status: str


class JobPage(BaseModel):
    """A page of jobs (AIP-132): the jobs and the token of the next page, none on the last."""

    data: list[Job]
    next_page_token: str | None = None


class CancelRequest(BaseModel):
    job_uuid: str


class Session(BaseModel):
    session_id: str
    agent_id: str
