# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages' words: Simplified Chinese first, English for `?lang=en`; Traditional
Chinese (`?lang=zh-TW`) is in text_zh_tw.py.

Kept here rather than in the templates so a page and its messages are translated together,
and a test can check every key has both languages.
"""

from __future__ import annotations

from collections.abc import Callable

from central.web.phone.text_zh_tw import TEXT_ZH_TW

LANGUAGES = ("zh", "en")  # the tuples of TEXT (the staff console has these two)
DEFAULT_LANGUAGE = "zh"
TRADITIONAL = "zh-TW"
# The phone pages' languages, in the order of their switch: 简 / 繁 / EN.
PAGE_LANGUAGES = ("zh", TRADITIONAL, "en")

TEXT: dict[str, tuple[str, str]] = {
    # Frame
    "site": ("人大代表联络站", "Deputy liaison station"),
    "switch_language": ("English", "中文"),
    "not_found": ("没有找到这个页面", "Page not found"),
    "not_found_body": (
        "链接可能有误，请重新扫码。",
        "The link may be wrong. Please scan the code again.",
    ),
    "no_deputy": ("没有找到这位代表", "No such deputy"),
    "no_station": ("没有找到这个联络站", "No such station"),
    "bad_code": ("这不是有效的编号", "This is not a valid code"),
    # The consent's five points, as the kiosk's consent screen states them (docs/privacy.md).
    "consent_what": (
        "收集什么：您的称呼、电话号码和您在这里填写的内容。",
        "What we collect: your name, your phone number and what you write here.",
    ),
    "consent_why": (
        "用途：供代表和人大联络机构办理您反映的事项、答复您，并让您查询办理进度。",
        "Why: so that the deputies and the liaison office can handle your matter, reply to you "
        "and let you follow its progress.",
    ),
    "consent_who": (
        "谁能看到：本站代表和办理此事的人大联络机构工作人员，不会公开。",
        "Who sees it: the deputies of this station and the staff of the liaison office who "
        "handle your matter; it is never published.",
    ),
    "consent_how_long": (
        "保存多久：事项办结后保存{years}年，然后删除。",
        "How long: kept for {years} years after your matter is closed, then deleted.",
    ),
    "consent_rights": (
        "您可以请联络站工作人员查阅、更正或删除您的信息。",
        "You may ask the station staff to see, correct or delete it.",
    ),
    # Deputy page
    "level_national": ("全国人大代表", "National People's Congress deputy"),
    "level_provincial": ("省人大代表", "Provincial deputy"),
    "level_city": ("市人大代表", "City deputy"),
    "level_county": ("区（县）人大代表", "District deputy"),
    "level_township": ("乡镇人大代表", "Township deputy"),
    "levels": ("代表", "Deputy"),
    "constituency": ("选区", "Constituency"),
    "occupation": ("职业", "Occupation"),
    "next_receptions": ("近期接待日", "Next reception days"),
    "no_receptions": ("暂无安排的接待日", "No reception days planned yet"),
    "leave_message": ("给代表留言", "Leave a message"),
    "category": ("类别", "Category"),
    "choose": ("请选择", "Please choose"),
    "text": ("留言内容", "Your message"),
    "block": ("所在社区/小区", "Community / block"),
    "name": ("姓名", "Name"),
    "mobile": ("手机号", "Mobile"),
    "consent": (
        "我同意联络站为办理本留言使用我的姓名和手机号",
        "I agree that the station uses my name and mobile to handle this message",
    ),
    "send": ("提交留言", "Send message"),
    "book_with": ("约见这位代表", "Book a meeting with this deputy"),
    "book_again": ("改约其他接待日", "Choose another reception day"),
    # Appointment page
    "appointment": ("约见代表", "Meet a deputy"),
    "choose_deputy": ("请选择要约见的代表", "Choose the deputy you want to meet"),
    "other_deputy": ("换一位代表", "Choose another deputy"),
    "choose_day": ("接待日", "Reception day"),
    "topic": ("想谈的事情", "What you want to talk about"),
    "request": ("提交约见", "Request the meeting"),
    "no_days": (
        "这位代表近期没有接待日，可以先留言。",
        "This deputy has no reception days soon; you can leave a message instead.",
    ),
    # Results
    "received": ("已收到", "Received"),
    "your_code": ("您的查询编号", "Your tracking code"),
    "keep_code": (
        "请记下编号。回复会在3个工作日内，可随时查询进度。",
        "Please note the code. You will get an answer within 3 working days and can "
        "follow every step.",
    ),
    "appointment_received": (
        "约见申请已提交，工作人员确认后会通知您。",
        "Your request has been sent. Staff will confirm it with you.",
    ),
    "repeat": (
        "您几分钟前已提交过相同的内容，这是那次的编号，无需重复提交。",
        "You sent the same a few minutes ago; this is its code, no need to send it again.",
    ),
    "see_progress": ("查询进度", "Follow progress"),
    # Progress page
    "progress": ("查询进度", "Progress"),
    "code": ("编号", "Code"),
    "last4": ("手机号后4位", "Last 4 digits of your mobile"),
    "last4_hint": (
        "为保护隐私，请输入留言时所填手机号的后4位。",
        "To protect your privacy, enter the last 4 digits of the mobile you gave.",
    ),
    "look_up": ("查询", "Look up"),
    "state": ("当前状态", "Current state"),
    "due": ("办理期限", "Due by"),
    "steps": ("办理过程", "Steps"),
    "appeal_kind": ("意见建议", "Message"),
    "callback_kind": ("回电请求", "Call-back request"),
    "appointment_kind": ("约见", "Appointment"),
    "deputy": ("代表", "Deputy"),
    "date": ("日期", "Date"),
    "rate": ("请对办理结果评价", "How satisfied are you with the result?"),
    "rated_thanks": ("感谢您的评价。", "Thank you for your rating."),
    "reopened_note": (
        "您的评价为不满意，已重新交办。",
        "You were dissatisfied: the matter has been reopened.",
    ),
    "rated_step": ("群众评价：{rating}", "Rated by the citizen: {rating}"),
    "reopened_step": ("群众评价不满意，重新交办", "Rated dissatisfied by the citizen; reopened"),
    # States
    "state_received": ("已受理登记", "Received"),
    "state_accepted": ("已受理", "Accepted"),
    "state_rejected": ("不予受理", "Not accepted"),
    "state_assigned": ("已交代表办理", "With the deputy"),
    "state_replied": ("代表已答复", "Deputy replied"),
    "state_referred": ("已转有关部门", "Referred to a department"),
    "state_feedback": ("部门已反馈", "Department answered"),
    "state_closed": ("已办结", "Closed"),
    "state_rated": ("已评价", "Rated"),
    "state_reopened": ("重新办理", "Reopened"),
    "state_requested": ("已申请，待确认", "Requested, to be confirmed"),
    "state_confirmed": ("已确认", "Confirmed"),
    "state_declined": ("未能安排", "Declined"),
    "state_done": ("已见面", "Done"),
    # 三色督办, the same words in the console
    "colour_green": ("按期", "On time"),
    "colour_yellow": ("临期", "Due soon"),
    "colour_red": ("逾期", "Overdue"),
    "rating_satisfied": ("满意", "Satisfied"),
    "rating_basically_satisfied": ("基本满意", "Basically satisfied"),
    "rating_dissatisfied": ("不满意", "Dissatisfied"),
    # Problems with what was typed or sent
    "errors_below": ("请修改下面标出的内容。", "Please correct what is marked below."),
    "need_category": ("请选择类别", "Please choose a category"),
    "need_text": ("请填写留言内容", "Please write your message"),
    "text_too_long": ("留言内容不能超过2000字", "The message can have at most 2000 characters"),
    "need_name": ("请填写姓名", "Please give your name"),
    "too_long": ("内容太长", "Too long"),
    "need_mobile": ("请填写手机号", "Please give your mobile number"),
    "bad_mobile": (
        "手机号应为11位数字，以1开头",
        "A mobile number has 11 digits and starts with 1",
    ),
    "no_emoji": (
        "请不要使用表情符号，用文字写出来",
        "Please use words instead of emoji",
    ),
    "bad_characters": (
        "内容里有看不见的控制字符，请删掉后重新输入",
        "This contains invisible control characters; please delete them and type it again",
    ),
    "need_consent": ("请勾选同意后再提交", "Please tick the box to agree"),
    "need_day": ("请选择接待日", "Please choose a reception day"),
    "need_topic": ("请简单写下想谈的事情", "Please say briefly what you want to talk about"),
    "need_last4": ("请输入4位数字", "Please enter 4 digits"),
    "wrong_last4": (
        "编号或手机尾号不对（新提交的记录可能稍后才能查到）。还可以再试{left}次。",
        "The code or the digits do not match (a new record may take a while to arrive). "
        "{left} tries left.",
    ),
    "locked": (
        "错误次数太多，请在{until}以后再试。",
        "Too many wrong tries. Please try again after {until}.",
    ),
    "expired": (
        "页面已过期，请再提交一次（已填写的内容都还在）。",
        "This page has expired. Please send it again (what you typed is kept).",
    ),
    "too_many_address": (
        "提交太频繁，请过一会儿再试（已填写的内容都还在）。",
        "Too many submissions. Please try again later (what you typed is kept).",
    ),
    "too_many_mobile": (
        "这个手机号今天提交次数太多，请稍后再试，或到联络站当面反映。",
        "Too many submissions for this mobile. Please try later, or visit the station.",
    ),
    "cannot_rate": ("现在不能评价", "This cannot be rated now"),
    "weekday": ("一二三四五六日", "Mon Tue Wed Thu Fri Sat Sun"),
}


def translator(language: str) -> Callable[..., str]:
    """`_("key", name=value)` in `language`: the text, with {name} filled in."""
    index = LANGUAGES.index(language) if language in LANGUAGES else 0
    traditional = TEXT_ZH_TW if language == TRADITIONAL else {}

    def translate(key: str, **values: object) -> str:
        text = traditional.get(key) or TEXT[key][index]
        return text.format(**values) if values else text

    return translate
