# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's words for rosters and reception schedules (issue 15 §1), zh_CN first."""

from __future__ import annotations

ROSTER_TEXT: dict[str, tuple[str, str]] = {
    "rosters": ("代表名单", "Rosters"),
    "schedules": ("接待安排", "Schedules"),
    "rosters_title": ("进站代表名单", "Station rosters"),
    "choose_station": ("选择联络站", "Choose a station"),
    "open": ("打开", "Open"),
    "no_deputies": ("这个联络站还没有代表。", "This station has no deputies yet."),
    "deputy_name": ("姓名", "Name"),
    "roster_levels": ("层级", "Levels"),
    "blocks": ("联系片区", "Blocks"),
    "deputy_phone": ("电话", "Phone"),
    "roster_occupation": ("职务", "Occupation"),
    "bio": ("简介", "Biography"),
    "qr_url": ("二维码链接", "QR link"),
    "pinyin": ("拼音（读错时填写）", "Pinyin (if read wrong)"),
    "pinyin_short": ("拼音", "Pinyin"),
    "photo": ("照片", "Photo"),
    "no_photo": ("无照片", "No photo"),
    "edit": ("修改", "Edit"),
    "lvl_national": ("全国", "National"),
    "lvl_provincial": ("省", "Provincial"),
    "lvl_city": ("市", "City"),
    "lvl_county": ("区县", "County"),
    "lvl_township": ("乡镇", "Township"),
    "import_roster": ("导入名单", "Import a roster"),
    "import_help": (
        "上传 Excel/WPS 表格（.xlsx）或 CSV（UTF-8 或 GBK 均可）。第一行写列名：姓名、层级"
        "（全国、省、市、区县、乡镇，可写多个，用顿号隔开），可选：编号、选区、联系片区、电话、职务、"
        "简介、拼音。导入后，名单就是文件里的这些代表；先预览，确认后才保存。",
        "Upload an Excel/WPS workbook (.xlsx) or a CSV (UTF-8 or GBK). The first row names the "
        "columns: name, levels (national, provincial, city, county, township; several with 、), "
        "optional: id, constituency, blocks, phone, occupation, bio, pinyin. After the import the "
        "roster is exactly the file's deputies; you see a preview first and confirm.",
    ),
    "roster_file": ("名单文件", "Roster file"),
    "preview": ("预览", "Preview"),
    "choose_file": ("请先选择要上传的文件。", "Choose a file to upload first."),
    "import_refused": (
        "文件没有导入，名单没有任何改动。请改正以下问题后重新上传：",
        "Nothing was imported and the roster is unchanged. Fix these and upload again:",
    ),
    "preview_title": ("导入预览：{file}", "Import preview: {file}"),
    "preview_counts": (
        "新增 {new} 人，修改 {changed} 人，不变 {same} 人，删除 {removed} 人。",
        "{new} new, {changed} changed, {same} unchanged, {removed} removed.",
    ),
    "preview_removed_warning": (
        "文件里没有的代表将从名单中删除，一体机下次更新后不再显示。",
        "Deputies missing from the file are removed; kiosks stop showing them after their "
        "next update.",
    ),
    "still_on_schedule": (
        "将移出的代表 {names} 仍在接待安排“{title}”中：确认导入后，将从该安排中去掉。",
        "{names}, to be removed, still on the schedule “{title}”: the import takes them off it.",
    ),
    "schedule_emptied": (
        "该安排将没有接待代表。",
        "Nobody would be left on it.",
    ),
    "left_schedule": (
        "已从接待安排“{title}”中去掉 {names}。",
        "{names} taken off the schedule “{title}”.",
    ),
    "change_kind": ("变化", "Change"),
    "kind_new": ("新增", "New"),
    "kind_changed": ("修改", "Changed"),
    "kind_same": ("不变", "Unchanged"),
    "kind_removed": ("删除", "Removed"),
    "changed_fields": ("改动", "What changes"),
    "confirm_import": ("确认导入", "Import"),
    "cancel": ("取消", "Cancel"),
    "roster_imported": (
        "已导入：新增 {added} 人，更新 {updated} 人，删除 {removed} 人。一体机下次更新后显示。",
        "Imported: {added} new, {updated} updated, {removed} removed. Kiosks show it after "
        "their next update.",
    ),
    "ignored_columns": ("不导入的列：{columns}", "Columns not imported: {columns}"),
    "edit_deputy": ("修改代表信息", "Edit a deputy"),
    "deputy_saved": (
        "已保存。一体机下次更新后显示。",
        "Saved. Kiosks show it after their next update.",
    ),
    "deputy_unchanged": ("没有改动。", "Nothing changed."),
    "fix_fields": ("没有保存，请改正：", "Not saved; please fix:"),
    "upload_photo": ("上传照片", "Upload a photo"),
    "photo_help": (
        "JPG、PNG 或 WebP，不超过 5 MB；一体机下次更新后显示。",
        "JPG, PNG or WebP, at most 5 MB; kiosks show it after their next update.",
    ),
    "photo_saved": ("照片已更新。", "The photo is updated."),
    "back_to_roster": ("返回代表名单", "Back to the roster"),
    "roster_no_station": ("没有这个联络站，或不在您的范围内。", "No such station in your scope."),
    "roster_no_deputy": ("名单里没有这位代表。", "No such deputy in the roster."),
}

SCHEDULE_TEXT: dict[str, tuple[str, str]] = {
    "schedules_title": ("接待安排", "Reception schedules"),
    "no_schedules": (
        "这个联络站还没有接待安排：可新建，或导入 .ics 日历文件。",
        "This station has no reception schedules yet: add one, or import an .ics calendar.",
    ),
    "schedule_title": ("名称", "Title"),
    "schedule_rule": ("重复", "Repeats"),
    "schedule_hours": ("时间", "Hours"),
    "schedule_place": ("地点", "Place"),
    "next_days": ("最近几次", "Next days"),
    "edit_schedule": ("修改接待安排", "Edit a schedule"),
    "repeat_how": ("重复方式", "Repeats"),
    "repeat_weekly": ("每周", "Every week"),
    "repeat_biweekly": ("每两周", "Every other week"),
    "repeat_monthly": ("每月第几个星期几", "Monthly, nth weekday"),
    "repeat_custom": ("自定义规则（iCalendar 格式）", "Custom rule (iCalendar)"),
    "first_day": ("首次日期", "First day"),
    "weekday_pick": ("星期", "Weekday"),
    "nth": ("第几个", "Which one"),
    "until_day": ("截止日期（可不填）", "Until (optional)"),
    "rule_text": (
        "规则文本（重复方式选“自定义规则”时使用）",
        "Rule text (used with the custom rule)",
    ),
    "start_time": ("开始时间", "Starts"),
    "end_time": ("结束时间", "Ends"),
    "preview_dates": ("预览之后12次", "Preview the next 12"),
    "save_schedule": ("保存", "Save"),
    "preview_of": ("按这个规则，之后12次：", "By this rule, the next 12:"),
    "not_saved_yet": (
        "这是预览，还没有保存。",
        "This is a preview; nothing is saved yet.",
    ),
    "schedule_saved": (
        "已保存。一体机下次更新后显示。",
        "Saved. Kiosks show it after their next update.",
    ),
    "changes_dropped": (
        "新规则里没有这些日子，原来的取消或改期已去掉：{days}",
        "The new rule has none of these days; their cancellations or moves are gone: {days}",
    ),
    "day_status_held": ("照常", "As planned"),
    "day_status_moved": ("改期", "Moved"),
    "day_status_cancelled": ("已取消", "Cancelled"),
    "day_status_moved_away": ("改到 {day}", "Moved to {day}"),
    "change_day": ("取消或改期某一次", "Cancel or move one day"),
    "change_help": (
        "原因会在一体机上显示给群众。",
        "Visitors read the reason on the kiosk.",
    ),
    "which_day": ("哪一天", "Which day"),
    "change_action": ("怎么改", "What to do"),
    "action_cancel": ("取消这一次", "Cancel it"),
    "action_move": ("改期", "Move it"),
    "action_restore": ("恢复原安排", "Restore it"),
    "moved_to": ("改到哪天", "Move to"),
    "new_start": ("新的开始时间", "New start"),
    "new_end": ("新的结束时间", "New end"),
    "public_reason": ("原因（群众可见）", "Reason (visitors see it)"),
    "apply_change": ("确定", "Apply"),
    "change_saved_cancel": ("已取消 {day} 的接待。", "The reception of {day} is cancelled."),
    "change_saved_move": ("{day} 的接待已改期。", "The reception of {day} is moved."),
    "change_saved_restore": ("{day} 已恢复原安排。", "{day} is back as planned."),
    "back_to_schedules": ("返回接待安排", "Back to the schedules"),
    "schedule_not_found": ("没有这个接待安排。", "No such schedule."),
    "holiday_flag": ("（{name}）", " ({name})"),
    "ics_title": ("日历文件（.ics）", "Calendar files (.ics)"),
    "ics_help": (
        "可导入 Outlook、WPS、手机日历导出的 .ics 文件；导入后，这个联络站的接待安排"
        "就是文件里的这些。导出的文件可在这些日历里打开。",
        "Import an .ics file exported from Outlook, WPS or a phone's calendar; the station's "
        "schedules become exactly the file's. The export opens in those calendars.",
    ),
    "ics_file": ("日历文件", "Calendar file"),
    "import_ics": ("导入", "Import"),
    "export_ics": ("导出 .ics", "Export .ics"),
    "ics_refused": (
        "日历文件没有导入，接待安排没有任何改动。请改正以下问题后重新上传：",
        "Nothing was imported and the schedules are unchanged. Fix these and upload again:",
    ),
    "ics_imported": (
        "已导入 {n} 个接待安排。一体机下次更新后显示。",
        "{n} schedules imported. Kiosks show them after their next update.",
    ),
    "new_schedule": ("新建接待安排", "New schedule"),
    "add_schedule": ("新建接待安排", "New schedule"),
    "title_example": ("例如：周一代表接待日", "e.g. Monday reception day"),
    "schedule_theme": ("主题（可不填）", "Theme (optional)"),
    "schedule_deputies": ("接待代表", "Deputies on duty"),
    "schedule_needs_roster": (
        "这个联络站还没有代表：请先在“代表名单”导入名单。",
        "This station has no deputies yet: import its roster first.",
    ),
    "per_occurrence": ("每次几位代表（轮流时填写）", "Deputies each time (to take turns)"),
    "per_occurrence_help": (
        "不填：选中的代表每次都到。填 1 或 2 等：选中的代表按名单顺序轮流，每次这么多位。",
        "Empty: every chosen deputy comes every time. 1, 2...: the chosen deputies take turns "
        "in roster order, that many each time.",
    ),
    "create_schedule": ("保存", "Save"),
    "preview_first": (
        "填好后点“预览之后12次”，这里会列出接下来的12次接待和每次的代表。",
        "Fill in the form and press “Preview the next 12” to see the next 12 days and who "
        "is on duty.",
    ),
    "schedule_created": (
        "已新建“{title}”。一体机下次更新后显示。",
        "“{title}” is created. Kiosks show it after their next update.",
    ),
    "delete_schedule": ("删除这个接待安排", "Delete this schedule"),
    "delete_schedule_help": (
        "删除后，一体机下次更新时不再显示它的接待日；已约的见面不受影响。",
        "After deleting, kiosks stop showing its days with their next update; appointments "
        "already made stay.",
    ),
    "confirm_delete_schedule": ("确定删除", "Delete"),
    "schedule_deleted": ("已删除“{title}”。", "“{title}” is deleted."),
    "people_title": ("接待代表和主题", "Deputies and theme"),
    "save_people": ("保存代表和主题", "Save deputies and theme"),
    "people_saved": (
        "接待代表和主题已保存。一体机下次更新后显示。",
        "Deputies and theme saved. Kiosks show them after their next update.",
    ),
    "rotation_elsewhere": (
        "这个安排按全站名单或按日期轮换（由 JSON 导入），在这里不能修改代表。",
        "This schedule rotates over the whole station or by date (imported as JSON): its "
        "deputies are not changed here.",
    ),
}
