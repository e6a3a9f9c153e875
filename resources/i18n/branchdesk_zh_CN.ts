<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 1998-07-01</source>
        <translation>如 1998-07-01</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>What needs doing today</source>
        <translation>今天要做的事</translation>
    </message>
    <message>
        <source>Political birthdays this month</source>
        <translation>本月政治生日</translation>
    </message>
    <message>
        <source>Records with required items missing</source>
        <translation>信息不完整的党员</translation>
    </message>
    <message>
        <source>{total} members on the roll: {full} full members, {probationary} probationary</source>
        <translation>在册党员 {total} 人：正式党员 {full} 人，预备党员 {probationary} 人</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{group}: {n}</source>
        <translation>{group} {n} 人</translation>
    </message>
    <message>
        <source>Probation ending (next {days} days): due to become full members</source>
        <translation>转正提醒：近{days}天预备期满的预备党员</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>还有 {days} 天</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>{days} days overdue</source>
        <translation>已超过 {days} 天</translation>
    </message>
    <message>
        <source>{name} — joined {joined}, probation ends {due} ({when})</source>
        <translation>{name} — {joined} 入党，{due} 预备期满（{when}）</translation>
    </message>
    <message>
        <source>Click to open this member</source>
        <translation>单击打开该党员的信息</translation>
    </message>
    <message>
        <source>No probationary member is due to become a full member in the next {days} days.</source>
        <translation>近{days}天没有需要转正的预备党员。</translation>
    </message>
    <message>
        <source>{month}/{day} — {name}, {years} years since joining the Party</source>
        <translation>{month}月{day}日 — {name}，入党 {years} 周年</translation>
    </message>
    <message>
        <source>No member has a political birthday this month.</source>
        <translation>本月没有党员过政治生日。</translation>
    </message>
    <message>
        <source>{name} — missing: {items}</source>
        <translation>{name} — 缺：{items}</translation>
    </message>
    <message>
        <source>Every member&apos;s required items are filled in.</source>
        <translation>所有在册党员的必填信息都已填写完整。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import members — {file}</source>
        <translation>导入党员 — {file}</translation>
    </message>
    <message>
        <source>Members already on the roster (same ID number)</source>
        <translation>花名册中已有的党员（身份证号相同）</translation>
    </message>
    <message>
        <source>Skip them: keep the roster as it is</source>
        <translation>跳过：花名册中的信息保持不变</translation>
    </message>
    <message>
        <source>Update them with the values in the file</source>
        <translation>更新：用表格中的内容更新</translation>
    </message>
    <message>
        <source>worksheet “{sheet}”, </source>
        <translation>工作表“{sheet}”，</translation>
    </message>
    <message>
        <source>File: {file}; {sheet}headings found in row {row}: {columns}</source>
        <translation>文件：{file}；{sheet}表头在第 {row} 行，识别出的列：{columns}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{accepted} to import ({created} new, {updated} updated); {rejected} rows with problems; {skipped} skipped</source>
        <translation>可导入 {accepted} 人（新增 {created} 人，更新 {updated} 人）；有问题 {rejected} 行；跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>These columns were not recognised and will not be imported: {names}</source>
        <translation>以下列未能识别，不会导入：{names}</translation>
    </message>
    <message>
        <source>To import ({n})</source>
        <translation>将导入（{n}）</translation>
    </message>
    <message>
        <source>Rows with problems ({n})</source>
        <translation>有问题的行（{n}）</translation>
    </message>
    <message>
        <source>Skipped ({n})</source>
        <translation>已跳过（{n}）</translation>
    </message>
    <message>
        <source>Import {n} members</source>
        <translation>导入 {n} 人</translation>
    </message>
    <message>
        <source>Reading {file} again…</source>
        <translation>正在重新读取 {file}……</translation>
    </message>
    <message>
        <source>Importing {n} members…</source>
        <translation>正在导入 {n} 人……</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>Member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Opening the branch&apos;s records…</source>
        <translation>正在打开支部数据……</translation>
    </message>
    <message>
        <source>BranchDesk</source>
        <translation>支部工作台</translation>
    </message>
    <message>
        <source>Data folder: {path}</source>
        <translation>数据文件夹：{path}</translation>
    </message>
    <message>
        <source>BranchDesk — {branch}</source>
        <translation>支部工作台 — {branch}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Add a member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit member — {name}</source>
        <translation>编辑党员信息 — {name}</translation>
    </message>
    <message>
        <source>Particulars</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>变动记录</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Show full ID number</source>
        <translation>显示完整身份证号</translation>
    </message>
    <message>
        <source>The full number is shown only here, and only when you ask</source>
        <translation>完整号码只在这里、经您点击后才显示</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>所在党支部</translation>
    </message>
    <message>
        <source>Date joined the Party</source>
        <translation>加入党组织日期</translation>
    </message>
    <message>
        <source>Date became full member</source>
        <translation>转为正式党员日期</translation>
    </message>
    <message>
        <source>Yes, contact has been lost</source>
        <translation>是，已失去联系</translation>
    </message>
    <message>
        <source>Yes, away from the branch</source>
        <translation>是，外出流动</translation>
    </message>
    <message>
        <source>e.g. Shenzhen, Guangdong</source>
        <translation>如：广东省深圳市</translation>
    </message>
    <message>
        <source>yuan, e.g. 4500.00</source>
        <translation>单位：元，如 4500.00</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>工作岗位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Membership standing</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联党员</translation>
    </message>
    <message>
        <source>Date contact was lost</source>
        <translation>失去联系日期</translation>
    </message>
    <message>
        <source>Mobile member</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <source>Where they went</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Dues category</source>
        <translation>党费类别</translation>
    </message>
    <message>
        <source>Monthly dues base</source>
        <translation>月缴费基数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>No status changes recorded for this member yet.</source>
        <translation>该党员还没有变动记录。</translation>
    </message>
    <message>
        <source>Please correct the {n} item(s) marked in red; the member has not been saved.</source>
        <translation>请先改正标红的 {n} 处，党员信息尚未保存。</translation>
    </message>
    <message>
        <source>{n} item(s) look wrong (in orange). Check them; if they are right, press “Save anyway”.</source>
        <translation>有 {n} 处看起来不对（橙色）。请核对；确认无误可点“仍然保存”。</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>BranchDesk</source>
        <translation>支部工作台</translation>
    </message>
    <message>
        <source>BranchDesk — something went wrong</source>
        <translation>支部工作台 — 出错了</translation>
    </message>
    <message>
        <source>Sorry, the program ran into a problem it did not expect. What you saved before is safe.</source>
        <translation>抱歉，程序遇到了一个意外的问题。之前保存的内容都是安全的。</translation>
    </message>
    <message>
        <source>Please send this log file to whoever looks after the program: {path}</source>
        <translation>请把这个日志文件发给负责维护程序的人员：{path}</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>PlanRowsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Joined the Party</source>
        <translation>入党日期</translation>
    </message>
    <message>
        <source>Became full member</source>
        <translation>转正日期</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>工作岗位</translation>
    </message>
    <message>
        <source>Dues category</source>
        <translation>党费类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停止党籍</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>流动</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{status} ({flags})</source>
        <translation>{status}（{flags}）</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <source>Export the roster</source>
        <translation>导出花名册</translation>
    </message>
    <message>
        <source>How should ID numbers and phone numbers appear in the exported file?</source>
        <translation>导出的文件中，身份证号和电话号码如何显示？</translation>
    </message>
    <message>
        <source>Partly hidden is safer if the file will be sent or printed. Exports with full numbers are recorded.</source>
        <translation>如果文件要发送或打印，隐藏部分号码更安全。导出完整号码会留下记录。</translation>
    </message>
    <message>
        <source>Partly hidden (recommended)</source>
        <translation>隐藏部分号码（推荐）</translation>
    </message>
    <message>
        <source>In full</source>
        <translation>完整显示</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>新增党员</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Undo last import</source>
        <translation>撤销上次导入</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Name, pinyin initials or the last digits of the ID number</source>
        <translation>姓名、拼音首字母或身份证号后几位</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>停止党籍</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>流动</translation>
    </message>
    <message>
        <source>Show former members</source>
        <translation>显示已离开的党员</translation>
    </message>
    <message>
        <source>All party groups</source>
        <translation>全部党小组</translation>
    </message>
    <message>
        <source>(no party group)</source>
        <translation>（未分党小组）</translation>
    </message>
    <message>
        <source>{total} members, {shown} shown</source>
        <translation>共 {total} 人，显示 {shown} 人</translation>
    </message>
    <message>
        <source>No member matches. Try fewer letters, or set the filters back to “All”.</source>
        <translation>没有符合条件的党员。可以少输几个字，或把筛选条件改回“全部”。</translation>
    </message>
    <message>
        <source>The roster is empty. Use “Add member” to enter members one by one, or “Import…” to bring in the spreadsheet you already keep.</source>
        <translation>花名册还是空的。可以点“新增党员”逐个录入，或点“导入…”导入已有的花名册表格。</translation>
    </message>
    <message>
        <source>Import members from a spreadsheet</source>
        <translation>从表格导入党员</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>表格文件 ({patterns})</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}……</translation>
    </message>
    <message>
        <source>Imported from {file}: {created} new members, {updated} updated. If something is wrong, “Undo last import” puts the roster back.</source>
        <translation>已从 {file} 导入：新增 {created} 人，更新 {updated} 人。如有错误，点“撤销上次导入”即可恢复原来的花名册。</translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation>没有可以撤销的导入。</translation>
    </message>
    <message>
        <source>Undo the import of {file} made on {time}? The {created} members it added will be removed, and the {updated} members it changed will get their earlier values back.</source>
        <translation>撤销 {time} 导入的 {file} 吗？这次导入新增的 {created} 名党员将被移除，修改过的 {updated} 名党员将恢复原来的信息。</translation>
    </message>
    <message>
        <source>Undid the import of {file}: {removed} members removed, {restored} restored.</source>
        <translation>已撤销 {file} 的导入：移除 {removed} 人，恢复 {restored} 人。</translation>
    </message>
    <message>
        <source>Party member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exported {n} members to {file}</source>
        <translation>已导出 {n} 名党员到 {file}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>保存名称</translation>
    </message>
    <message>
        <source>The new language takes effect the next time the program starts.</source>
        <translation>新的界面语言在下次启动程序后生效。</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>支部名称</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Remind of probation ending</source>
        <translation>转正提前提醒</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Status change — {name}</source>
        <translation>状态变更 — {name}</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>党员</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Where they went</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>e.g. Shenzhen, Guangdong</source>
        <translation>如：广东省深圳市</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Which branch the membership went to</source>
        <translation>组织关系转往哪个党组织</translation>
    </message>
    <message>
        <source>Which branch the membership came from</source>
        <translation>组织关系从哪个党组织转来</translation>
    </message>
    <message>
        <source>May be left empty</source>
        <translation>可不填</translation>
    </message>
    <message>
        <source>{name} will leave the roll. Former members stay on record: tick “Show former members” on the roster to see them.</source>
        <translation>保存后，{name} 将移出在册名单。已离开的党员的记录仍会保留：在花名册中勾选“显示已离开的党员”即可查看。</translation>
    </message>
    <message>
        <source>Please enter the date of the change</source>
        <translation>请填写变更日期</translation>
    </message>
    <message>
        <source>Please enter where the member went</source>
        <translation>请填写外出流向</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>{accepted} rows accepted, {rejected} rejected, {skipped} skipped</source>
        <translation>接受 {accepted} 行，拒绝 {rejected} 行，跳过 {skipped} 行</translation>
    </message>
    <message>
        <source>Row {row}: {reason}</source>
        <translation>第 {row} 行：{reason}</translation>
    </message>
    <message>
        <source>Row {row} (warning): {warning}</source>
        <translation>第{row}行（提醒）：{warning}</translation>
    </message>
    <message>
        <source>Columns not imported: {columns}</source>
        <translation>未导入的列：{columns}</translation>
    </message>
    <message>
        <source>Imported: {created} new members, {updated} updated</source>
        <translation>已导入：新增 {created} 名党员，更新 {updated} 名</translation>
    </message>
    <message>
        <source>Dry run: nothing was written</source>
        <translation>试运行：未写入任何数据</translation>
    </message>
    <message>
        <source>Undid the import of {source}: {removed} members removed, {restored} restored</source>
        <translation>已撤销“{source}”的导入：移除 {removed} 名党员，恢复 {restored} 名</translation>
    </message>
    <message>
        <source>Exported {n} members to {file}</source>
        <translation>已导出 {n} 名党员到 {file}</translation>
    </message>
    <message>
        <source>the branch&apos;s data folder (default: BRANCHDESK_DATA or the user data folder)</source>
        <translation>支部数据文件夹（默认：环境变量 BRANCHDESK_DATA 或用户数据文件夹）</translation>
    </message>
    <message>
        <source>print machine-readable JSON</source>
        <translation>输出机器可读的 JSON</translation>
    </message>
    <message>
        <source>BranchDesk: the Party branch secretary&apos;s desk</source>
        <translation>支部工作台：党支部书记的办公软件</translation>
    </message>
    <message>
        <source>command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>open the program on a generated demo branch</source>
        <translation>用生成的演示支部打开程序</translation>
    </message>
    <message>
        <source>how many members the demo branch has</source>
        <translation>演示支部的党员人数</translation>
    </message>
    <message>
        <source>create the demo branch, print its folder and exit</source>
        <translation>创建演示支部，输出其文件夹后退出</translation>
    </message>
    <message>
        <source>the member roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>import members from .xlsx, .xls, .ods or .csv</source>
        <translation>从 .xlsx、.xls、.ods 或 .csv 导入党员</translation>
    </message>
    <message>
        <source>check the file and report, write nothing</source>
        <translation>只检查文件并报告，不写入</translation>
    </message>
    <message>
        <source>update members already on the roster (default: skip them)</source>
        <translation>更新花名册中已有的党员（默认跳过）</translation>
    </message>
    <message>
        <source>undo the last import</source>
        <translation>撤销上次导入</translation>
    </message>
    <message>
        <source>export the roster as .xlsx</source>
        <translation>将花名册导出为 .xlsx</translation>
    </message>
    <message>
        <source>write full ID numbers and phones (recorded)</source>
        <translation>写出完整的身份证号和电话（将被记录）</translation>
    </message>
    <message>
        <source>list the members on the roll</source>
        <translation>列出在册党员</translation>
    </message>
    <message>
        <source>BranchDesk hit a bug: {error}. The details are in the log file in the data folder&apos;s logs/ folder.</source>
        <translation>支部工作台出错了（{error}）。详细信息见数据文件夹中 logs/ 文件夹里的日志文件。</translation>
    </message>
    <message>
        <source>include former members</source>
        <translation>包括已离开的党员</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>“{text}” is not a date</source>
        <translation>“{text}”不是日期</translation>
    </message>
    <message>
        <source>“{text}” is not a date; write it like 1998-07-01 or 1998年7月1日</source>
        <translation>“{text}”不是日期，请写成 1998-07-01 或 1998年7月1日 的形式</translation>
    </message>
    <message>
        <source>“{text}” is not a date that exists</source>
        <translation>“{text}”不是一个存在的日期</translation>
    </message>
    <message>
        <source>“{text}” could be January or October; format the column as text and write the month with two digits, like 1998.01 or 1998.10</source>
        <translation>“{text}”可能是1月，也可能是10月；请把该列设为文本格式，月份写两位，如 1998.01 或 1998.10</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>Demo Party Branch</source>
        <translation>演示党支部</translation>
    </message>
    <message>
        <source>Group 1 (offices)</source>
        <translation>第一党小组（机关）</translation>
    </message>
    <message>
        <source>Group 2 (workshops)</source>
        <translation>第二党小组（车间）</translation>
    </message>
    <message>
        <source>Retired members&apos; group</source>
        <translation>离退休党小组</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Working in Xi&apos;an</source>
        <translation>在西安务工</translation>
    </message>
    <message>
        <source>Moved to another unit</source>
        <translation>调往其他单位</translation>
    </message>
</context>
<context>
    <name>dues</name>
    <message>
        <source>In service</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Annual salary</source>
        <translation>年薪制</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>个体经营</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>离退休</translation>
    </message>
    <message>
        <source>Farmer</source>
        <translation>农民</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Laid off or unemployed</source>
        <translation>下岗失业</translation>
    </message>
    <message>
        <source>On relief or subsistence allowance</source>
        <translation>依靠抚恤、救济或低保</translation>
    </message>
    <message>
        <source>Reduced (approved)</source>
        <translation>少交（经批准）</translation>
    </message>
    <message>
        <source>Exempt (approved)</source>
        <translation>免交（经批准）</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>党员花名册</translation>
    </message>
    <message>
        <source>{branch}: member roster ({date})</source>
        <translation>{branch}党员花名册（{date}）</translation>
    </message>
    <message>
        <source>The roster is exported as an .xlsx file; choose a name ending in .xlsx</source>
        <translation>花名册导出为 .xlsx 文件；请使用以 .xlsx 结尾的文件名</translation>
    </message>
    <message>
        <source>Cannot write {file}: {error}</source>
        <translation>无法写入 {file}：{error}</translation>
    </message>
    <message>
        <source>Cannot write {file}: {error}; if it is open in Excel or WPS, close it and try again</source>
        <translation>无法写入 {file}：{error}；如果该文件正在 Excel 或 WPS 中打开，请关闭后重试</translation>
    </message>
</context>
<context>
    <name>idnumber</name>
    <message>
        <source>The ID number was stored as a number in the spreadsheet and has lost digits; format the column as text and enter it again</source>
        <translation>身份证号在表格中被存成了数字，已丢失末几位；请把该列设为“文本”格式后重新录入</translation>
    </message>
    <message>
        <source>An ID number has 18 characters; this one has {n}</source>
        <translation>身份证号应为 18 位，这个是 {n} 位</translation>
    </message>
    <message>
        <source>An ID number is 17 digits followed by a digit or X</source>
        <translation>身份证号应为 17 位数字加 1 位数字或 X</translation>
    </message>
    <message>
        <source>The birth date inside the ID number ({d}) does not exist</source>
        <translation>身份证号中的出生日期（{d}）不存在</translation>
    </message>
    <message>
        <source>The check digit of the ID number is wrong; please check each digit</source>
        <translation>身份证号校验位不对，请逐位核对</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>The phone number is masked (an export without full numbers); import a file with the full numbers</source>
        <translation>联系电话已打码（来自不含完整号码的导出文件）；请导入含完整号码的文件</translation>
    </message>
    <message>
        <source>The ID number is masked (an export without full numbers); import a file with the full numbers</source>
        <translation>公民身份号码已打码（来自不含完整号码的导出文件）；请导入含完整号码的文件</translation>
    </message>
    <message>
        <source>{column}: {problem}</source>
        <translation>{column}：{problem}</translation>
    </message>
    <message>
        <source>Already on the roster as {name}; not imported</source>
        <translation>花名册中已有此人（{name}），未导入</translation>
    </message>
    <message>
        <source>The same ID number as row {row}</source>
        <translation>与第{row}行的公民身份号码相同</translation>
    </message>
    <message>
        <source>A member named {name} is already on the roster and one of the two has no ID number: check that this is not the same person</source>
        <translation>花名册中已有名叫{name}的党员，且两人中有一人没有公民身份号码：请核实是否为同一人</translation>
    </message>
    <message>
        <source>Row {row} has the same name and one of the two rows has no ID number: check that this is not the same person</source>
        <translation>与第{row}行姓名相同，且两行中有一行没有公民身份号码：请核实是否为同一人</translation>
    </message>
    <message>
        <source>There are no rows to import</source>
        <translation>没有可以导入的行</translation>
    </message>
    <message>
        <source>The roster changed after the file was read; read the file again</source>
        <translation>读取文件之后花名册有了变动，请重新读取文件</translation>
    </message>
    <message>
        <source>There is no import to undo</source>
        <translation>没有可以撤销的导入</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names}等（另有 {n} 人）</translation>
    </message>
    <message>
        <source>The import of {source} can no longer be undone: {names} changed after it</source>
        <translation>已无法撤销“{source}”的导入：导入之后{names}的信息有过修改</translation>
    </message>
    <message>
        <source>The import of {source} can no longer be undone: its members already have other records</source>
        <translation>已无法撤销“{source}”的导入：导入的党员已有其他记录</translation>
    </message>
    <message>
        <source>BranchDesk cannot read “{name}”: save the roster as .xlsx, .xls, .ods or .csv</source>
        <translation>支部工作台无法读取“{name}”：请把花名册保存为 .xlsx、.xls、.ods 或 .csv 格式</translation>
    </message>
    <message>
        <source>The file “{name}” does not exist</source>
        <translation>文件“{name}”不存在</translation>
    </message>
    <message>
        <source>Cannot open “{name}” ({error}); close it in Excel or WPS and try again</source>
        <translation>无法打开“{name}”（{error}）；请在 Excel 或 WPS 中关闭该文件后重试</translation>
    </message>
    <message>
        <source>The file “{name}” is empty</source>
        <translation>文件“{name}”是空的</translation>
    </message>
    <message>
        <source>“{name}” is a web page or XML file with a spreadsheet&apos;s name; open it in Excel or WPS and save it as .xlsx</source>
        <translation>“{name}”实际是网页或 XML 文件，只是用了表格文件的扩展名；请用 Excel 或 WPS 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <source>“{name}” is a text file, not a workbook; if it is a CSV file, rename it to end in .csv</source>
        <translation>“{name}”是文本文件，不是工作簿；如果是 CSV 文件，请把扩展名改为 .csv</translation>
    </message>
    <message>
        <source>“{name}” is not a spreadsheet; open it in Excel or WPS and save it as .xlsx</source>
        <translation>“{name}”不是电子表格文件；请用 Excel 或 WPS 打开后另存为 .xlsx</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be read (was it copied or downloaded completely?)</source>
        <translation>“{name}”已损坏，无法读取（文件是否完整复制或下载？）</translation>
    </message>
    <message>
        <source>“{name}” is protected by a password; open it in Excel or WPS, remove the password and save it again</source>
        <translation>“{name}”设有密码；请在 Excel 或 WPS 中打开，取消密码后重新保存</translation>
    </message>
    <message>
        <source>No header row found in “{name}” (sheets: {sheets}): one of the first {n} rows must name the columns, with 姓名 and at least one more such as 公民身份号码</source>
        <translation>在“{name}”中找不到表头（工作表：{sheets}）：前 {n} 行中须有一行写明各列名称，包括“姓名”和至少一项其他列，如“公民身份号码”</translation>
    </message>
    <message>
        <source>“{name}” is not a valid CSV file ({error})</source>
        <translation>“{name}”不是有效的 CSV 文件（{error}）</translation>
    </message>
    <message>
        <source>Cannot tell the text encoding of “{name}”; save it from Excel or WPS as .xlsx, or as CSV UTF-8</source>
        <translation>无法识别“{name}”的文字编码；请用 Excel 或 WPS 另存为 .xlsx，或另存为“CSV UTF-8”</translation>
    </message>
</context>
<context>
    <name>members</name>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Full member</source>
        <translation>正式党员</translation>
    </message>
    <message>
        <source>Probationary member</source>
        <translation>预备党员</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Membership suspended</source>
        <translation>停止党籍</translation>
    </message>
    <message>
        <source>On the roll</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Transferred away</source>
        <translation>已转出</translation>
    </message>
    <message>
        <source>No longer a Party member</source>
        <translation>已出党</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已去世</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Left the Party</source>
        <translation>出党</translation>
    </message>
    <message>
        <source>Died</source>
        <translation>去世</translation>
    </message>
    <message>
        <source>Membership restored</source>
        <translation>恢复党籍</translation>
    </message>
    <message>
        <source>Lost contact</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Contact restored</source>
        <translation>恢复联系</translation>
    </message>
    <message>
        <source>Went away (mobile member)</source>
        <translation>外出流动</translation>
    </message>
    <message>
        <source>Came back (mobile member)</source>
        <translation>流动返回</translation>
    </message>
    <message>
        <source>Became a full member</source>
        <translation>转为正式党员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Member category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Party branch</source>
        <translation>所在党支部</translation>
    </message>
    <message>
        <source>Date joined the Party</source>
        <translation>加入党组织日期</translation>
    </message>
    <message>
        <source>Date became full member</source>
        <translation>转为正式党员日期</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>工作岗位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Home address</source>
        <translation>家庭住址</translation>
    </message>
    <message>
        <source>Membership standing</source>
        <translation>党籍状态</translation>
    </message>
    <message>
        <source>Lost-contact member</source>
        <translation>失联党员</translation>
    </message>
    <message>
        <source>Date contact was lost</source>
        <translation>失去联系日期</translation>
    </message>
    <message>
        <source>Mobile member</source>
        <translation>流动党员</translation>
    </message>
    <message>
        <source>Where they went</source>
        <translation>外出流向</translation>
    </message>
    <message>
        <source>Party group</source>
        <translation>党小组</translation>
    </message>
    <message>
        <source>Dues category</source>
        <translation>党费类别</translation>
    </message>
    <message>
        <source>Monthly dues base</source>
        <translation>月缴费基数</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Roll status</source>
        <translation>在册状态</translation>
    </message>
    <message>
        <source>The name is empty</source>
        <translation>姓名为空</translation>
    </message>
    <message>
        <source>The name is longer than 40 characters</source>
        <translation>姓名超过 40 个字</translation>
    </message>
    <message>
        <source>The date of birth in the ID number ({from_id}) is in the future</source>
        <translation>身份证号码中的出生日期（{from_id}）晚于今天</translation>
    </message>
    <message>
        <source>The date of birth {typed} does not match the ID number ({from_id})</source>
        <translation>出生日期 {typed} 与身份证号不符（身份证上为 {from_id}）</translation>
    </message>
    <message>
        <source>The gender does not match the ID number (the 17th digit is {parity})</source>
        <translation>性别与身份证号不符（第 17 位为{parity}）</translation>
    </message>
    <message>
        <source>odd, male</source>
        <translation>奇数，应为男</translation>
    </message>
    <message>
        <source>even, female</source>
        <translation>偶数，应为女</translation>
    </message>
    <message>
        <source>{field} is in the future</source>
        <translation>{field}晚于今天</translation>
    </message>
    <message>
        <source>The date joined the Party is before the date of birth</source>
        <translation>加入党组织日期早于出生日期</translation>
    </message>
    <message>
        <source>The member was under 18 on the date joined the Party</source>
        <translation>入党时未满 18 周岁</translation>
    </message>
    <message>
        <source>A probationary member has no date of becoming a full member</source>
        <translation>预备党员不应有转为正式党员日期</translation>
    </message>
    <message>
        <source>The date became full member must be after the date joined the Party</source>
        <translation>转为正式党员日期必须晚于加入党组织日期</translation>
    </message>
    <message>
        <source>Less than one year of probation between joining and becoming a full member</source>
        <translation>入党到转正不满一年预备期</translation>
    </message>
    <message>
        <source>A date of losing contact is given but the member is not marked as lost contact</source>
        <translation>填了失去联系日期，但未标记为失联党员</translation>
    </message>
    <message>
        <source>A destination is given but the member is not marked as a mobile member</source>
        <translation>填了外出流向，但未标记为流动党员</translation>
    </message>
    <message>
        <source>The phone number does not look complete</source>
        <translation>联系电话似乎不完整</translation>
    </message>
    <message>
        <source>The dues base cannot be negative</source>
        <translation>缴费基数不能为负数</translation>
    </message>
    <message>
        <source>That member no longer exists</source>
        <translation>该党员已不存在</translation>
    </message>
    <message>
        <source>The branch name is empty</source>
        <translation>支部名称为空</translation>
    </message>
    <message>
        <source>This ID number already belongs to {name} on the roster</source>
        <translation>该身份证号已属于花名册中的{name}</translation>
    </message>
    <message>
        <source>The date of a status change cannot be in the future</source>
        <translation>状态变更日期不能晚于今天</translation>
    </message>
    <message>
        <source>{name} is already on the roll</source>
        <translation>{name}已在册</translation>
    </message>
    <message>
        <source>{name} is no longer on the roll ({status})</source>
        <translation>{name}已不在册（{status}）</translation>
    </message>
    <message>
        <source>The date of a status change cannot be before the member joined the Party</source>
        <translation>状态变更日期不能早于入党日期</translation>
    </message>
    <message>
        <source>“{change}” does not apply: {name} is not in the state it changes from</source>
        <translation>“{change}”不适用：{name}当前不处于可以这样变更的状态</translation>
    </message>
    <message>
        <source>Only a probationary member can become a full member</source>
        <translation>只有预备党员才能转为正式党员</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The file {path} is not a BranchDesk database; move it elsewhere or choose another data folder</source>
        <translation>文件 {path} 不是支部工作台的数据库；请把它移到别处，或选择其他数据文件夹</translation>
    </message>
    <message>
        <source>The database file {path} is damaged or is not a BranchDesk database ({error})</source>
        <translation>数据库文件 {path} 已损坏，或不是支部工作台的数据库（{error}）</translation>
    </message>
    <message>
        <source>Cannot create the data folder {path}: {error}</source>
        <translation>无法创建数据文件夹 {path}：{error}</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of BranchDesk; install that version or a newer one to open it. The file has not been changed.</source>
        <translation>数据库 {path} 是由更新版本的支部工作台写入的，请安装该版本或更新的版本后再打开。文件未作任何改动。</translation>
    </message>
    <message>
        <source>Upgrading the database failed; your data is safe in {backup}. ({error})</source>
        <translation>数据库升级失败；您的数据已安全保存在 {backup}。（{error}）</translation>
    </message>
    <message>
        <source>Our Party branch</source>
        <translation>本党支部</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <source>The gender “{text}” is neither 男 nor 女</source>
        <translation>性别“{text}”既不是“男”也不是“女”</translation>
    </message>
    <message>
        <source>The member category “{text}” is neither 正式党员 nor 预备党员</source>
        <translation>人员类别“{text}”既不是“正式党员”也不是“预备党员”</translation>
    </message>
    <message>
        <source>The membership standing “{text}” is neither 正常 nor 停止党籍</source>
        <translation>党籍状态“{text}”既不是“正常”也不是“停止党籍”</translation>
    </message>
    <message>
        <source>“{text}” should be 是 or 否</source>
        <translation>“{text}”应填“是”或“否”</translation>
    </message>
    <message>
        <source>The dues category “{text}” is not one of the categories of the dues rules</source>
        <translation>党费类别“{text}”不在党费规定的类别之中</translation>
    </message>
    <message>
        <source>“{text}” is not an amount of money</source>
        <translation>“{text}”不是金额</translation>
    </message>
    <message>
        <source>An amount cannot be negative</source>
        <translation>金额不能为负数</translation>
    </message>
</context>
</TS>
