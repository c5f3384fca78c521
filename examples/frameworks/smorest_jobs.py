"""The jobs service of examples/fastapi-jobs (before the fix) in flask-smorest, with a class-based view."""

from __future__ import annotations

import marshmallow as ma
from flask import Flask
from flask.views import MethodView
from flask_smorest import Api, Blueprint


class JobQuery(ma.Schema):
    job_uuid = ma.fields.String(required=True)


class CancelRequest(ma.Schema):
    job_uuid = ma.fields.String(required=True)


post_training = Blueprint("post_training", __name__, url_prefix="/v1alpha/post-training")


@post_training.route("/jobs")
class Jobs(MethodView):
    def get(self):
        return []


@post_training.route("/job/status")
@post_training.arguments(JobQuery, location="query")
def get_training_job_status(query):
    return {"job_uuid": query["job_uuid"], "status": "running"}


@post_training.route("/job/cancel", methods=["POST"])
@post_training.arguments(CancelRequest)
def cancel_training_job(body):
    return ""


app = Flask(__name__)
app.config.update(API_TITLE="Jobs", API_VERSION="1", OPENAPI_VERSION="3.0.3")
api = Api(app)
api.register_blueprint(post_training)
