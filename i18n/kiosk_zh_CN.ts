<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeputyPhoto</name>
    <message>
        <source>Present</source>
        <translation>在岗</translation>
    </message>
</context>
<context>
    <name>DeputyScreen</name>
    <message>
        <source>Constituency</source>
        <translation>选区</translation>
    </message>
    <message>
        <source>Linked communities</source>
        <translation>联系区块</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>职业</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Next reception days</source>
        <translation>近期接待日</translation>
    </message>
    <message>
        <source>No reception day scheduled yet.</source>
        <translation>暂未安排接待日。</translation>
    </message>
    <message>
        <source>Reach your deputy by QR code</source>
        <translation>码上找代表</translation>
    </message>
    <message>
        <source>Scan with WeChat to leave this deputy a message</source>
        <translation>用微信扫一扫，给代表留言</translation>
    </message>
</context>
<context>
    <name>DirectoryScreen</name>
    <message>
        <source>Find a deputy</source>
        <translation>找代表</translation>
    </message>
    <message>
        <source>Type a name, constituency or community</source>
        <translation>输入姓名、选区或社区</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>No deputy matches. Try fewer characters, or choose &quot;All&quot;.</source>
        <translation>没有找到符合条件的代表。请少输入几个字，或选择“全部”。</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>This kiosk is not set up yet</source>
        <translation>本机尚未设置站点</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已联网</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message numerus="yes">
        <source>Offline · %n waiting to send</source>
        <translation>
            <numerusform>未联网 · %n 条待发送</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>未联网</translation>
    </message>
    <message>
        <source>Not enrolled with the server</source>
        <translation>未登记到服务器</translation>
    </message>
    <message>
        <source>On duty today</source>
        <translation>今日值班代表</translation>
    </message>
    <message>
        <source>On duty on the next reception day</source>
        <translation>下次接待日值班代表</translation>
    </message>
    <message>
        <source>No reception today. The next reception day is %1.</source>
        <translation>今天没有安排接待，下次接待日是%1。</translation>
    </message>
    <message>
        <source>No reception day is scheduled.</source>
        <translation>暂未安排接待日。</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Next reception days</source>
        <translation>近期接待日</translation>
    </message>
    <message>
        <source>Find a deputy</source>
        <translation>找代表</translation>
    </message>
    <message>
        <source>By name, level, constituency or community</source>
        <translation>按姓名、级别、选区或社区查找</translation>
    </message>
    <message>
        <source>About this station</source>
        <translation>站点介绍</translation>
    </message>
    <message>
        <source>Address, opening hours, rules, notices</source>
        <translation>地址、开放时间、制度、公告</translation>
    </message>
    <message>
        <source>Reception days</source>
        <translation>接待日安排</translation>
    </message>
    <message>
        <source>Calendar, themes, who is on duty</source>
        <translation>日历、接待主题、值班代表</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>National People&apos;s Congress deputy</source>
        <translation>全国人大代表</translation>
    </message>
    <message>
        <source>Provincial people&apos;s congress deputy</source>
        <translation>省人大代表</translation>
    </message>
    <message>
        <source>City people&apos;s congress deputy</source>
        <translation>市人大代表</translation>
    </message>
    <message>
        <source>District/county people&apos;s congress deputy</source>
        <translation>区（县）人大代表</translation>
    </message>
    <message>
        <source>Township people&apos;s congress deputy</source>
        <translation>乡镇人大代表</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>National</source>
        <translation>全国</translation>
    </message>
    <message>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市级</translation>
    </message>
    <message>
        <source>District/county</source>
        <translation>区县级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇级</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Deputies&apos; home</source>
        <translation>人大代表之家</translation>
    </message>
    <message>
        <source>Deputy liaison station</source>
        <translation>人大代表联络站</translation>
    </message>
    <message>
        <source>Deputy contact point</source>
        <translation>人大代表联系点</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Deputy liaison station</source>
        <translation>人大代表联络站</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>您还在吗？</translation>
    </message>
    <message numerus="yes">
        <source>In %n second(s) this page is cleared and the home screen shows.</source>
        <translation>
            <numerusform>%n 秒后将清除本页内容，回到首页。</numerusform></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>PageButtons</name>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
</context>
<context>
    <name>ReceptionDayItem</name>
    <message>
        <source>(moved from %1)</source>
        <translation>（由%1改期）</translation>
    </message>
    <message>
        <source>%1 · Theme: %2</source>
        <translation>%1 · 主题：%2</translation>
    </message>
    <message>
        <source>On duty: %1</source>
        <translation>值班代表：%1</translation>
    </message>
</context>
<context>
    <name>ReceptionDetail</name>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>本次接待取消</translation>
    </message>
    <message>
        <source>Moved to %1 because of %2</source>
        <translation>因%2顺延至%1</translation>
    </message>
    <message>
        <source>Moved to %1</source>
        <translation>改期至%1</translation>
    </message>
    <message>
        <source>Moved here from %1 because of %2</source>
        <translation>原定%1，因%2顺延</translation>
    </message>
    <message>
        <source>New time</source>
        <translation>时间调整</translation>
    </message>
    <message>
        <source>Moved here from %1</source>
        <translation>原定%1，现改期</translation>
    </message>
    <message>
        <source>Held although it is a public holiday (%1)</source>
        <translation>适逢%1假期，照常接待</translation>
    </message>
    <message>
        <source>Theme: %1</source>
        <translation>接待主题：%1</translation>
    </message>
    <message>
        <source>Place: %1</source>
        <translation>地点：%1</translation>
    </message>
    <message>
        <source>Invited departments: %1</source>
        <translation>邀请部门：%1</translation>
    </message>
</context>
<context>
    <name>ScheduleScreen</name>
    <message>
        <source>Reception days</source>
        <translation>接待日安排</translation>
    </message>
    <message>
        <source>%1-%2</source>
        <translation>%1年%2月</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>上个月</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>下个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>月历</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>The %1 holiday arrangement has not been published yet: holidays and make-up workdays are not marked.</source>
        <translation>%1年节假日安排尚未发布，日历中暂未标注放假和调休。</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>休</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>班</translation>
    </message>
    <message>
        <source>Workday</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>有变动</translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation>%1（今天）</translation>
    </message>
    <message>
        <source>Public holiday: %1</source>
        <translation>法定节假日：%1</translation>
    </message>
    <message>
        <source>Make-up workday (%1)</source>
        <translation>调休上班日（%1）</translation>
    </message>
    <message>
        <source>No reception on this day.</source>
        <translation>这一天没有安排接待。</translation>
    </message>
    <message>
        <source>No reception day in this month.</source>
        <translation>本月没有安排接待。</translation>
    </message>
</context>
<context>
    <name>ScreenFrame</name>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
</context>
<context>
    <name>StationInfoScreen</name>
    <message>
        <source>About this station</source>
        <translation>站点介绍</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>开放时间</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>opinions collected</source>
        <translation>收集意见建议</translation>
    </message>
    <message>
        <source>problems solved</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>satisfied</source>
        <translation>群众满意率</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>工作制度</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>公告</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
</context>
</TS>
