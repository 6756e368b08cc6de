"""`mumidesk roles setup|grant|revoke|list`: viewer, editor and administrator on a shared
PostgreSQL server."""

from __future__ import annotations

import argparse
from typing import Any

from mumidesk.cli.context import EXIT_OK, CliContext
from mumidesk.domain.roles import Role
from mumidesk.i18n import _
from mumidesk.services.roles import RoleService


def register(subparsers: Any) -> None:
    roles = subparsers.add_parser(
        "roles", help=_("who may read, change or administer the data on a shared server")
    )
    actions = roles.add_subparsers(dest="roles_action", metavar=_("ACTION"), required=True)

    p = actions.add_parser(
        "setup",
        help=_("create the roles viewer, editor and administrator on the server and their grants"),
    )
    p.set_defaults(handler=setup)

    p = actions.add_parser("grant", help=_("give a server user one of the roles"))
    p.add_argument("user", help=_("the user's login name on the server"))
    p.add_argument("role", choices=[r.value for r in Role], help=_("the role"))
    p.set_defaults(handler=grant)

    p = actions.add_parser("revoke", help=_("take every mumidesk role from a server user"))
    p.add_argument("user", help=_("the user's login name on the server"))
    p.set_defaults(handler=revoke)

    p = actions.add_parser("list", help=_("who holds which role, and your own role"))
    p.set_defaults(handler=list_roles)


def setup(ctx: CliContext, args: argparse.Namespace) -> int:
    RoleService(ctx.db).setup_roles()
    ctx.out(_("The roles viewer, editor and administrator are set up on the server."))
    return EXIT_OK


def grant(ctx: CliContext, args: argparse.Namespace) -> int:
    role = Role(args.role)
    RoleService(ctx.db).grant(args.user, role)
    ctx.out(_("{user} is now: {role}").format(user=args.user, role=role.label()))
    return EXIT_OK


def revoke(ctx: CliContext, args: argparse.Namespace) -> int:
    RoleService(ctx.db).revoke(args.user)
    ctx.out(_("{user} no longer holds a mumidesk role").format(user=args.user))
    return EXIT_OK


def list_roles(ctx: CliContext, args: argparse.Namespace) -> int:
    service = RoleService(ctx.db)
    if not service.supported:
        ctx.out(_("A database file has no roles: whoever opens it is its administrator."))
        return EXIT_OK
    members = service.who_has()
    width = max((len(m.user) for m in members), default=0)
    for member in members:
        ctx.out(f"{member.user.ljust(width)}  {member.role.label()}")
    if not members:
        ctx.out(_("Nobody holds a mumidesk role yet."))
    ctx.out(_("Your role: {role}").format(role=service.current().label()))
    return EXIT_OK
