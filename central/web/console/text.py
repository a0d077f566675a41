# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's words: Simplified Chinese first, English for `?lang=en`. The same catalogue
as the phone pages (central.web.phone.text): the console adds its own keys and falls back to the
phone pages' ones (the names of states and ratings are shared, so a step reads the same)."""

from __future__ import annotations

from collections.abc import Callable

from central.web.console.notice_text import NOTICE_TEXT
from central.web.phone.text import LANGUAGES
from central.web.phone.text import TEXT as PHONE_TEXT

CONSOLE_TEXT: dict[str, tuple[str, str]] = {
    "console": ("代表联络站工作台", "Liaison station console"),
    "login": ("登录", "Sign in"),
    "login_name": ("登录名", "Login name"),
    "password": ("密码", "Password"),
    "wrong_login": ("登录名或密码不对。", "Wrong login name or password."),
    "locked_login": (
        "错误次数太多，账户已锁定到{until}。",
        "Too many wrong tries: the account is locked until {until}.",
    ),
    "logout": ("退出", "Sign out"),
    "change_password": ("修改密码", "Change password"),
    "must_change": (
        "首次登录，请先设置自己的密码（至少10个字符）。",
        "First sign-in: please set your own password (at least 10 characters).",
    ),
    "old_password": ("当前密码", "Current password"),
    "new_password": ("新密码", "New password"),
    "save": ("保存", "Save"),
    "password_changed": ("密码已修改。", "Your password has been changed."),
    "expired_form": (
        "页面已过期，请重新提交。",
        "This page has expired; please send it again.",
    ),
    "inbox": ("收件箱", "Inbox"),
    "appointments": ("约见", "Appointments"),
    "overdue": ("督办", "Overdue"),
    "audit": ("审计日志", "Audit log"),
    "accounts": ("账户", "Accounts"),
    "departments": ("部门", "Departments"),
    "filters": ("筛选", "Filters"),
    "station": ("联络站", "Station"),
    "region": ("区域", "Region"),
    "all": ("全部", "All"),
    "open_states": ("办理中", "Open"),
    "channel": ("渠道", "Channel"),
    "channel_kiosk": ("一体机", "Kiosk"),
    "channel_phone": ("手机扫码", "Phone"),
    "channel_callback": ("回电请求", "Call-back"),
    "colour": ("督办颜色", "Colour"),
    "since": ("起始日期", "From"),
    "until": ("截止日期", "To"),
    "search": ("编号或手机号", "Tracking code or mobile"),
    "search_code": ("编号", "Tracking code"),
    "apply": ("查询", "Apply"),
    "received_at": ("收到时间", "Received"),
    "due_on": ("期限", "Due"),
    "nothing_due": ("—", "—"),
    "next_page": ("下一页", "Next page"),
    "no_appeals": ("没有符合条件的事项。", "No appeals match."),
    "appeal": ("事项", "Appeal"),
    "what_was_written": ("群众反映内容", "What the visitor wrote"),
    "no_text": ("（回电请求，没有文字）", "(call-back request, no text)"),
    "contact": ("联系方式", "Contact"),
    "show": ("显示", "Show"),
    "shown_audited": ("已显示（已记入审计日志）", "Shown (recorded in the audit log)"),
    "address": ("地址", "Address"),
    "came_in": ("来源", "Came in"),
    "deadline_review": ("审核期限", "Review due"),
    "deadline_reply": ("答复期限", "Reply due"),
    "deadline_feedback": ("部门反馈期限", "Department feedback due"),
    "timeline": ("办理过程", "Timeline"),
    "internal": ("内部备注", "Internal note"),
    "actions": ("办理", "Actions"),
    "public_note": ("告知群众（群众可见）", "Note for the visitor (they see it)"),
    "internal_note": ("内部备注（群众不可见）", "Internal note (never shown)"),
    "template": ("模板", "Template"),
    "action_accept": ("受理", "Accept"),
    "action_reject": ("不予受理", "Reject"),
    "action_assign": ("交办代表", "Assign to a deputy"),
    "action_reply": ("答复群众", "Reply to the visitor"),
    "action_refer": ("转办部门", "Refer to a department"),
    "action_feedback": ("记录部门反馈", "Record the department's feedback"),
    "action_close": ("办结", "Close"),
    "action_reopen": ("重新办理", "Reopen"),
    "assigned_to": ("承办代表", "Assigned deputy"),
    "referred_to": ("承办部门", "Department"),
    "choose_deputy_roster": ("选择本站代表", "Choose a deputy of this station"),
    "choose_department": ("选择部门", "Choose a department"),
    "done_action": ("已办理：{action}", "Done: {action}"),
    "callback": ("回电", "Call-back"),
    "outcome_called": ("已回电", "Called"),
    "outcome_no_answer": ("无人接听", "No answer"),
    "outcome_done": ("已办完", "Done"),
    "note": ("备注", "Note"),
    "record": ("记录", "Record"),
    "forbidden": ("您没有权限查看或办理这一项。", "You may not see or do this."),
    "not_found_console": ("没有找到这一项。", "Not found."),
    "day": ("日期", "Day"),
    "answer_confirmed": ("确认", "Confirm"),
    "answer_declined": ("不能安排", "Decline"),
    "answer_done": ("已见面", "Done"),
    "visitor_note": ("告知群众的说明", "Note the visitor sees"),
    "no_appointments": ("没有约见。", "No appointments."),
    "red_count": ("逾期", "Overdue"),
    "yellow_count": ("临期", "Due soon"),
    "by_station": ("按联络站", "By station"),
    "by_region": ("按区域", "By region"),
    "by_deputy": ("按代表", "By deputy"),
    "by_department": ("按部门", "By department"),
    "nothing_overdue": ("没有逾期或临期事项。", "Nothing overdue or due soon."),
    "time": ("时间", "Time"),
    "who": ("账户", "Account"),
    "action": ("操作", "Action"),
    "target": ("对象", "Target"),
    "detail": ("说明", "Detail"),
    "from_where": ("来源地址", "From"),
    "export_csv": ("导出CSV", "Export CSV"),
    "older": ("更早", "Older"),
    "role": ("角色", "Role"),
    "scope": ("范围", "Scope"),
    "display_name": ("姓名", "Display name"),
    "deputy_id": ("代表编号", "Deputy id"),
    "create": ("新建", "Create"),
    "disable": ("停用", "Disable"),
    "reset_password": ("重置密码", "Reset password"),
    "one_time_password": (
        "{login} 的一次性密码：{password}（首次登录时须修改）",
        "One-time password for {login}: {password} (to be changed at first sign-in)",
    ),
    "disabled": ("已停用", "Disabled"),
    "whole_tree": ("全部", "Everything"),
    "role_admin": ("管理员", "Admin"),
    "role_reviewer": ("人大工委", "Reviewer"),
    "role_staff": ("站点工作人员", "Station staff"),
    "role_deputy": ("代表", "Deputy"),
    "role_viewer": ("查看统计", "Viewer"),
    "role_technician": ("技术人员", "Technician"),
    "name_label": ("名称", "Name"),
    "add": ("添加", "Add"),
    "shared": ("通用", "Shared"),
    "bad_filters": ("筛选条件有误：{fields}", "Cannot read the filters: {fields}"),
}

TEXT: dict[str, tuple[str, str]] = PHONE_TEXT | CONSOLE_TEXT | NOTICE_TEXT


def translator(language: str) -> Callable[..., str]:
    """`_("key", name=value)` in `language`, from the console's and the phone pages' words."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0

    def translate(key: str, **values: object) -> str:
        text = TEXT[key][index]
        return text.format(**values) if values else text

    return translate
