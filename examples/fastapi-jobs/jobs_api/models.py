"""The request and response bodies both versions of the service share."""

from __future__ import annotations

from pydantic import BaseModel


class Job(BaseModel):
    job_uuid: str
    status: str


class CancelRequest(BaseModel):
    job_uuid: str


class Session(BaseModel):
    session_id: str
    agent_id: str
