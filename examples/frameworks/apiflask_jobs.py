"""The jobs service of examples/fastapi-jobs (before the fix) in APIFlask (Flask with apispec), with a
blueprint under a URL prefix."""

from __future__ import annotations

from apiflask import APIBlueprint, APIFlask, Schema
from apiflask.fields import String


class Job(Schema):
    job_uuid = String(required=True)
    status = String()


class JobQuery(Schema):
    job_uuid = String(required=True)


class CancelRequest(Schema):
    job_uuid = String(required=True)


post_training = APIBlueprint("post_training", __name__, url_prefix="/v1alpha/post-training")


@post_training.get("/jobs")
@post_training.output(Job(many=True))
def list_training_jobs():
    return []


@post_training.get("/job/status")
@post_training.input(JobQuery, location="query")
@post_training.output(Job)
def get_training_job_status(query_data):
    return {"job_uuid": query_data["job_uuid"], "status": "running"}


@post_training.post("/job/cancel")
@post_training.input(CancelRequest)
def cancel_training_job(json_data):
    return ""


def create_app() -> APIFlask:
    app = APIFlask(__name__, title="Jobs", version="1")
    app.register_blueprint(post_training)

    @app.get("/v1/agents/<agent_id>/session/<session_id>")
    def get_agent_session(agent_id, session_id):
        return {"agent_id": agent_id, "session_id": session_id}

    return app
