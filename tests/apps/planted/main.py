"""Helpdesk API: the service desk of one support team (agents, teams, queues, tickets and their comments and
attachments, labels), written with FastAPI as that team would.

This module is a blind acceptance fixture for aiplint: most routes are resource-oriented (AIP-style REST, custom
methods as `POST /v1/{collection}/{id}/{verb}`), and the routes listed in README.md carry planted mistakes.
`expected.yaml` beside this file says, for every route, whether it is clean or which mistake it carries.

It is one module on purpose: it imports nothing from its folder, so it loads as `tests.apps.planted.main:app` from
the repository's root, as `main:app` from this folder, or from its file path.
"""

import uuid
from datetime import datetime, timezone
from enum import Enum

from fastapi import APIRouter, FastAPI, HTTPException, Query, status
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field

# --------------------------------------------------------------------------------------------------------------
# Storage: an in-memory stand-in for the team's database layer.
# --------------------------------------------------------------------------------------------------------------

_AGENTS: dict[str, dict] = {}
_SIGNATURES: dict[str, dict] = {}
_TEAMS: dict[str, dict] = {}
_QUEUES: dict[str, dict] = {}
_TICKETS: dict[str, dict] = {}
_COMMENTS: dict[str, dict] = {}
_LABELS: dict[str, dict] = {}
_ATTACHMENTS: dict[str, dict] = {}


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _get_or_404(store: dict[str, dict], key: str | None, kind: str) -> dict:
    if key is None or key not in store:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail=f"{kind} {key!r} not found")
    return store[key]


def _page(items: list[dict], page_size: int, page_token: str | None) -> tuple[list[dict], str]:
    start = int(page_token) if page_token else 0
    chunk = items[start : start + page_size]
    following = start + page_size
    return chunk, str(following) if following < len(items) else ""


PageSize = Query(50, ge=1, le=1000, description="The maximum number of results to return.")
PageToken = Query(None, description="A page token from a previous call's `next_page_token`.")

# --------------------------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------------------------


class AgentState(str, Enum):
    ACTIVE = "active"
    SUSPENDED = "suspended"


class Agent(BaseModel):
    id: str
    email: str
    display_name: str
    state: AgentState = AgentState.ACTIVE
    create_time: datetime


class AgentCreate(BaseModel):
    email: str
    display_name: str


class AgentUpdate(BaseModel):
    email: str | None = None
    display_name: str | None = None


class ListAgentsResponse(BaseModel):
    agents: list[Agent]
    next_page_token: str = ""


class SuspendAgentRequest(BaseModel):
    reason: str | None = None


class Signature(BaseModel):
    """The email signature appended to an agent's public replies (one per agent)."""

    agent_id: str
    body_html: str = ""
    update_time: datetime | None = None


class Team(BaseModel):
    id: str
    display_name: str
    description: str = ""


class TeamCreate(BaseModel):
    display_name: str
    description: str = ""


class TeamUpdate(BaseModel):
    display_name: str | None = None
    description: str | None = None


class QueueState(str, Enum):
    OPEN = "open"
    PAUSED = "paused"
    ARCHIVED = "archived"


class Queue(BaseModel):
    id: str
    display_name: str
    team_id: str | None = None
    state: QueueState = QueueState.OPEN


class QueueCreate(BaseModel):
    display_name: str
    team_id: str | None = None


class ListQueuesResponse(BaseModel):
    queues: list[Queue]
    next_page_token: str = ""


class TicketStatus(str, Enum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    CLOSED = "closed"


class Priority(str, Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class Ticket(BaseModel):
    id: str
    subject: str
    description: str = ""
    status: TicketStatus = TicketStatus.NEW
    priority: Priority = Priority.NORMAL
    queue_id: str | None = None
    assignee_id: str | None = None
    requester_email: str
    label_ids: list[str] = Field(default_factory=list)
    escalated: bool = False
    create_time: datetime
    update_time: datetime


class TicketCreate(BaseModel):
    subject: str
    description: str = ""
    requester_email: str
    priority: Priority = Priority.NORMAL
    queue_id: str | None = None
    label_ids: list[str] = Field(default_factory=list)


class TicketUpdate(BaseModel):
    subject: str | None = None
    description: str | None = None
    priority: Priority | None = None
    queue_id: str | None = None
    label_ids: list[str] | None = None


class ListTicketsResponse(BaseModel):
    tickets: list[Ticket]
    next_page_token: str = ""
    total_size: int = 0


class AssignTicketRequest(BaseModel):
    agent_id: str


class ReopenTicketRequest(BaseModel):
    reason: str | None = None


class CloseTicketRequest(BaseModel):
    ticket_id: str
    resolution: str | None = None


class EscalateTicketRequest(BaseModel):
    reason: str


class Comment(BaseModel):
    id: str
    ticket_id: str
    author_id: str
    body: str
    public: bool = True
    create_time: datetime


class CommentCreate(BaseModel):
    author_id: str
    body: str
    public: bool = True


class CommentUpdate(BaseModel):
    body: str | None = None
    public: bool | None = None


class ListCommentsResponse(BaseModel):
    comments: list[Comment]
    next_page_token: str = ""


class DeleteCommentRequest(BaseModel):
    comment_id: str


class Label(BaseModel):
    id: str
    display_name: str
    color: str = "#888888"


class LabelCreate(BaseModel):
    display_name: str
    color: str = "#888888"


class LabelUpdate(BaseModel):
    display_name: str | None = None
    color: str | None = None


class ListLabelsResponse(BaseModel):
    labels: list[Label]
    next_page_token: str = ""


class Attachment(BaseModel):
    id: str
    ticket_id: str
    filename: str
    content_type: str
    size_bytes: int
    download_uri: str


class AttachmentCreate(BaseModel):
    filename: str
    content_type: str = "application/octet-stream"
    content_base64: str


# --------------------------------------------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------------------------------------------

agents = APIRouter(prefix="/v1/agents", tags=["agents"])


@agents.get("", response_model=ListAgentsResponse)
def list_agents(page_size: int = PageSize, page_token: str | None = PageToken) -> ListAgentsResponse:
    """List the agents of the helpdesk, oldest first."""
    chunk, token = _page(list(_AGENTS.values()), page_size, page_token)
    return ListAgentsResponse(agents=[Agent(**a) for a in chunk], next_page_token=token)


@agents.get("/get_by_id", response_model=Agent)
def get_agent_by_id(id: str) -> Agent:
    """Look an agent up by its ID (used by the reporting dashboard)."""
    return Agent(**_get_or_404(_AGENTS, id, "agent"))


@agents.get("/{agent_id}", response_model=Agent)
def get_agent(agent_id: str) -> Agent:
    """Get one agent."""
    return Agent(**_get_or_404(_AGENTS, agent_id, "agent"))


@agents.post("", response_model=Agent, status_code=status.HTTP_201_CREATED)
def create_agent(body: AgentCreate) -> Agent:
    """Invite a new agent to the helpdesk."""
    agent = {"id": _new_id(), "create_time": _now(), **body.model_dump()}
    _AGENTS[agent["id"]] = agent
    return Agent(**agent)


@agents.patch("/{agent_id}", response_model=Agent)
def update_agent(agent_id: str, body: AgentUpdate) -> Agent:
    """Change an agent's email or display name."""
    agent = _get_or_404(_AGENTS, agent_id, "agent")
    agent.update(body.model_dump(exclude_unset=True))
    return Agent(**agent)


@agents.post("/{agent_id}/suspend", response_model=Agent)
def suspend_agent(agent_id: str, body: SuspendAgentRequest) -> Agent:
    """Suspend an agent: they can no longer sign in or be assigned tickets."""
    agent = _get_or_404(_AGENTS, agent_id, "agent")
    agent["state"] = AgentState.SUSPENDED
    return Agent(**agent)


@agents.patch("/{agent_id}/reactivate", response_model=Agent)
def reactivate_agent(agent_id: str) -> Agent:
    """Reactivate a suspended agent."""
    agent = _get_or_404(_AGENTS, agent_id, "agent")
    agent["state"] = AgentState.ACTIVE
    return Agent(**agent)


@agents.get("/{agent_id}/signature", response_model=Signature)
def get_signature(agent_id: str) -> Signature:
    """Get the agent's email signature (every agent has exactly one)."""
    _get_or_404(_AGENTS, agent_id, "agent")
    return Signature(**_SIGNATURES.get(agent_id, {"agent_id": agent_id}))


# --------------------------------------------------------------------------------------------------------------
# Teams
# --------------------------------------------------------------------------------------------------------------

teams = APIRouter(prefix="/v1/teams", tags=["teams"])
# The admin console's original endpoints, kept when the resource moved to /v1/teams.
teams_console = APIRouter(prefix="/v1/team", tags=["teams"])


@teams_console.get("", response_model=list[Team], summary="List Teams")
def list_teams() -> list[Team]:
    """All the teams, for the console's team picker."""
    return [Team(**t) for t in _TEAMS.values()]


@teams_console.delete("", status_code=status.HTTP_204_NO_CONTENT, summary="Delete Team")
def delete_team(team_id: str | None = None) -> None:
    """Delete a team. Its queues are left without a team."""
    _get_or_404(_TEAMS, team_id, "team")
    del _TEAMS[team_id]


@teams.get("/{team_id}", response_model=Team)
def get_team(team_id: str) -> Team:
    """Get one team."""
    return Team(**_get_or_404(_TEAMS, team_id, "team"))


@teams.post("", response_model=Team, status_code=status.HTTP_201_CREATED)
def create_team(body: TeamCreate) -> Team:
    """Create a team."""
    team = {"id": _new_id(), **body.model_dump()}
    _TEAMS[team["id"]] = team
    return Team(**team)


@teams.patch("/{team_id}", response_model=Team)
def update_team(team_id: str, body: TeamUpdate) -> Team:
    """Rename a team or change its description."""
    team = _get_or_404(_TEAMS, team_id, "team")
    team.update(body.model_dump(exclude_unset=True))
    return Team(**team)


# --------------------------------------------------------------------------------------------------------------
# Queues
# --------------------------------------------------------------------------------------------------------------

queues = APIRouter(prefix="/v1/queues", tags=["queues"])


@queues.get("", response_model=ListQueuesResponse)
def list_queues(page_size: int = PageSize, page_token: str | None = PageToken) -> ListQueuesResponse:
    """List the queues tickets are routed to."""
    chunk, token = _page(list(_QUEUES.values()), page_size, page_token)
    return ListQueuesResponse(queues=[Queue(**q) for q in chunk], next_page_token=token)


@queues.get("/{queue_id}", response_model=Queue)
def get_queue(queue_id: str) -> Queue:
    """Get one queue."""
    return Queue(**_get_or_404(_QUEUES, queue_id, "queue"))


@queues.post("", response_model=Queue, status_code=status.HTTP_201_CREATED)
def create_queue(body: QueueCreate) -> Queue:
    """Create a queue."""
    queue = {"id": _new_id(), **body.model_dump()}
    _QUEUES[queue["id"]] = queue
    return Queue(**queue)


@queues.put("", response_model=Queue)
def update_queue(queue: Queue) -> Queue:
    """Save a queue: the body is the whole queue, as returned by Get Queue, with its `id`."""
    _get_or_404(_QUEUES, queue.id, "queue")
    _QUEUES[queue.id] = queue.model_dump()
    return queue


@queues.delete("/{queue_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_queue(queue_id: str) -> None:
    """Delete a queue. It must hold no open tickets."""
    _get_or_404(_QUEUES, queue_id, "queue")
    del _QUEUES[queue_id]


@queues.put("/{queue_id}/archive", response_model=Queue, operation_id="archive_queue", summary="Archive Queue")
def archive_queue(queue_id: str) -> Queue:
    """Archive a queue: it stops receiving tickets and is hidden from the agents' views."""
    queue = _get_or_404(_QUEUES, queue_id, "queue")
    queue["state"] = QueueState.ARCHIVED
    return Queue(**queue)


# --------------------------------------------------------------------------------------------------------------
# Tickets
# --------------------------------------------------------------------------------------------------------------

tickets = APIRouter(prefix="/v1/tickets", tags=["tickets"])


@tickets.get("", response_model=ListTicketsResponse)
def list_tickets(
    page_size: int = PageSize,
    page_token: str | None = PageToken,
    filter: str | None = Query(None, description='A filter such as `status = "open" AND priority = "urgent"`.'),
    order_by: str | None = Query(None, description="For example `update_time desc`."),
) -> ListTicketsResponse:
    """List tickets, newest first unless `order_by` says otherwise."""
    items = sorted(_TICKETS.values(), key=lambda t: t["create_time"], reverse=True)
    chunk, token = _page(items, page_size, page_token)
    return ListTicketsResponse(tickets=[Ticket(**t) for t in chunk], next_page_token=token, total_size=len(items))


@tickets.get("/{ticket_id}", response_model=Ticket)
def get_ticket(ticket_id: str) -> Ticket:
    """Get one ticket."""
    return Ticket(**_get_or_404(_TICKETS, ticket_id, "ticket"))


@tickets.post("", response_model=Ticket, status_code=status.HTTP_201_CREATED)
def create_ticket(body: TicketCreate) -> Ticket:
    """Open a ticket on behalf of a requester."""
    ticket = {"id": _new_id(), "create_time": _now(), "update_time": _now(), **body.model_dump()}
    _TICKETS[ticket["id"]] = ticket
    return Ticket(**ticket)


@tickets.patch("/{ticket_id}", response_model=Ticket)
def update_ticket(ticket_id: str, body: TicketUpdate) -> Ticket:
    """Change a ticket's subject, description, priority, queue or labels."""
    ticket = _get_or_404(_TICKETS, ticket_id, "ticket")
    ticket.update(body.model_dump(exclude_unset=True), update_time=_now())
    return Ticket(**ticket)


@tickets.post("/close", response_model=Ticket, summary="Close Ticket")
def close_ticket(body: CloseTicketRequest) -> Ticket:
    """Close a ticket, with an optional resolution note sent to the requester."""
    ticket = _get_or_404(_TICKETS, body.ticket_id, "ticket")
    ticket.update(status=TicketStatus.CLOSED, update_time=_now())
    return Ticket(**ticket)


@tickets.post("/{ticket_id}/assign", response_model=Ticket)
def assign_ticket(ticket_id: str, body: AssignTicketRequest) -> Ticket:
    """Assign a ticket to an agent, who is notified."""
    ticket = _get_or_404(_TICKETS, ticket_id, "ticket")
    _get_or_404(_AGENTS, body.agent_id, "agent")
    ticket.update(assignee_id=body.agent_id, status=TicketStatus.OPEN, update_time=_now())
    return Ticket(**ticket)


@tickets.post("/{ticket_id}/reopen", response_model=Ticket)
def reopen_ticket(ticket_id: str, body: ReopenTicketRequest) -> Ticket:
    """Reopen a closed ticket."""
    ticket = _get_or_404(_TICKETS, ticket_id, "ticket")
    if ticket["status"] != TicketStatus.CLOSED:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="the ticket is not closed")
    ticket.update(status=TicketStatus.OPEN, update_time=_now())
    return Ticket(**ticket)


# --------------------------------------------------------------------------------------------------------------
# Comments on a ticket
# --------------------------------------------------------------------------------------------------------------

comments = APIRouter(prefix="/v1/tickets/{ticket_id}", tags=["comments"])


@comments.get("/comments", response_model=ListCommentsResponse)
def list_comments(
    ticket_id: str, page_size: int = PageSize, page_token: str | None = PageToken
) -> ListCommentsResponse:
    """List a ticket's comments, oldest first."""
    _get_or_404(_TICKETS, ticket_id, "ticket")
    items = [c for c in _COMMENTS.values() if c["ticket_id"] == ticket_id]
    chunk, token = _page(items, page_size, page_token)
    return ListCommentsResponse(comments=[Comment(**c) for c in chunk], next_page_token=token)


@comments.post("/comments", response_model=Comment, status_code=status.HTTP_201_CREATED)
def create_comment(ticket_id: str, body: CommentCreate) -> Comment:
    """Add a comment (a public reply or an internal note) to a ticket."""
    _get_or_404(_TICKETS, ticket_id, "ticket")
    comment = {"id": _new_id(), "ticket_id": ticket_id, "create_time": _now(), **body.model_dump()}
    _COMMENTS[comment["id"]] = comment
    return Comment(**comment)


@comments.get("/comment/{comment_id}", response_model=Comment)
def get_comment(ticket_id: str, comment_id: str) -> Comment:
    """Get one comment of a ticket."""
    return Comment(**_get_or_404(_COMMENTS, comment_id, "comment"))


@comments.patch("/comments/{comment_id}", response_model=Comment)
def update_comment(ticket_id: str, comment_id: str, body: CommentUpdate) -> Comment:
    """Edit a comment, or turn an internal note into a public reply."""
    comment = _get_or_404(_COMMENTS, comment_id, "comment")
    comment.update(body.model_dump(exclude_unset=True))
    return Comment(**comment)


@comments.post("/comments/delete", status_code=status.HTTP_204_NO_CONTENT)
def delete_comment(ticket_id: str, body: DeleteCommentRequest) -> None:
    """Delete a comment of a ticket."""
    _get_or_404(_COMMENTS, body.comment_id, "comment")
    del _COMMENTS[body.comment_id]


# --------------------------------------------------------------------------------------------------------------
# Attachments of a ticket
# --------------------------------------------------------------------------------------------------------------

attachments = APIRouter(prefix="/v1/tickets/{ticket_id}/attachments", tags=["attachments"])


@attachments.post("", response_model=Attachment, status_code=status.HTTP_201_CREATED)
def create_attachment(ticket_id: str, body: AttachmentCreate) -> Attachment:
    """Upload a file and attach it to a ticket."""
    _get_or_404(_TICKETS, ticket_id, "ticket")
    key = _new_id()
    attachment = {
        "id": key,
        "ticket_id": ticket_id,
        "filename": body.filename,
        "content_type": body.content_type,
        "size_bytes": len(body.content_base64) * 3 // 4,
        "download_uri": f"https://files.example.com/{key}",
    }
    _ATTACHMENTS[key] = attachment
    return Attachment(**attachment)


@attachments.get("", response_model=Attachment)
def get_attachment(ticket_id: str, key: str | None = None) -> Attachment:
    """Get an attachment's metadata and its download link."""
    return Attachment(**_get_or_404(_ATTACHMENTS, key, "attachment"))


@attachments.delete("/{attachment_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_attachment(ticket_id: str, attachment_id: str) -> None:
    """Remove an attachment from a ticket."""
    _get_or_404(_ATTACHMENTS, attachment_id, "attachment")
    del _ATTACHMENTS[attachment_id]


# --------------------------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------------------------

labels = APIRouter(prefix="/v1", tags=["labels"])


@labels.get("/labels", response_model=ListLabelsResponse)
def list_labels(page_size: int = PageSize, page_token: str | None = PageToken) -> ListLabelsResponse:
    """List the labels tickets can carry."""
    chunk, token = _page(list(_LABELS.values()), page_size, page_token)
    return ListLabelsResponse(labels=[Label(**lb) for lb in chunk], next_page_token=token)


@labels.post("/labels", response_model=Label, status_code=status.HTTP_201_CREATED)
def create_label(body: LabelCreate) -> Label:
    """Create a label."""
    label = {"id": _new_id(), **body.model_dump()}
    _LABELS[label["id"]] = label
    return Label(**label)


@labels.get("/ticketlabel/{label_id}", response_model=Label)
def get_label(label_id: str) -> Label:
    """Get one label."""
    return Label(**_get_or_404(_LABELS, label_id, "label"))


@labels.patch("/labels", response_model=Label)
def update_label(label_id: str, body: LabelUpdate) -> Label:
    """Rename or recolour a label."""
    label = _get_or_404(_LABELS, label_id, "label")
    label.update(body.model_dump(exclude_unset=True))
    return Label(**label)


@labels.delete("/labels/{label_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_label(label_id: str) -> None:
    """Delete a label; the tickets that carry it lose it."""
    _get_or_404(_LABELS, label_id, "label")
    del _LABELS[label_id]


# --------------------------------------------------------------------------------------------------------------
# Actions called by the chat integration (the bot posts to these)
# --------------------------------------------------------------------------------------------------------------

actions = APIRouter(prefix="/v1", tags=["integrations"])


@actions.post("/queues.pause", response_model=Queue, summary="Pause Queue")
def pause_queue(queue_id: str) -> Queue:
    """Pause a queue: new tickets wait in it unassigned until it is resumed."""
    queue = _get_or_404(_QUEUES, queue_id, "queue")
    queue["state"] = QueueState.PAUSED
    return Queue(**queue)


@actions.post("/escalate/{ticket_id}", response_model=Ticket, summary="Escalate Ticket")
def escalate_ticket(ticket_id: str, body: EscalateTicketRequest) -> Ticket:
    """Escalate a ticket to the on-call lead: raises its priority to urgent and pages the lead."""
    ticket = _get_or_404(_TICKETS, ticket_id, "ticket")
    ticket.update(priority=Priority.URGENT, escalated=True, update_time=_now())
    return Ticket(**ticket)


# --------------------------------------------------------------------------------------------------------------
# The application
# --------------------------------------------------------------------------------------------------------------


def _operation_id(route: APIRoute) -> str:
    """The client generator's method names: the handler's name (`list_tickets`), not FastAPI's long default."""
    return route.name


app = FastAPI(
    title="Helpdesk API",
    version="1.4.0",
    description="Tickets, queues and the agents who work them.",
    generate_unique_id_function=_operation_id,
)

for router in (agents, teams_console, teams, queues, tickets, comments, attachments, labels, actions):
    app.include_router(router)
