<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AttachmentsView</name>
        <message>
            <source>Add photos or files…</source>
            <translation>添加照片或文件…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Photos of the meeting, the sign-in sheet, documents studied. Each file is copied into the branch's data folder.</source>
            <translation>会议照片、签到表、学习材料等。每个文件都会复制到支部数据文件夹中保存。</translation>
        </message>
        <message>
            <source>Attach photos or files</source>
            <translation>添加照片或文件</translation>
        </message>
        <message>
            <source>{name} (attached when the meeting is saved)</source>
            <translation>{name}（保存会议时添加）</translation>
        </message>
    </context>
    <context>
        <name>AttendanceModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>（未记录）</translation>
        </message>
        <message>
            <source>Not due to attend on the meeting's date (not on the roll then, or not in this meeting's audience)</source>
            <translation>会议当天不在应到范围内（当时不在册，或不属于本次会议的参会范围）</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Every time full ID numbers, phones or addresses are shown or exported, and every other act that cannot be taken back, is written here. Entries cannot be changed or removed; “Check the log” finds any that were.</source>
            <translation>每次显示或导出完整的身份证号、电话或住址，以及其他无法撤回的操作，都记录在这里。记录不能修改或删除；“检查日志”能发现被改动过的记录。</translation>
        </message>
        <message>
            <source>Nothing has been recorded yet.</source>
            <translation>尚无记录。</translation>
        </message>
        <message>
            <source>Check the log</source>
            <translation>检查日志</translation>
        </message>
    </context>
    <context>
        <name>AuditModel</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Concerning</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>BackupSection</name>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Change…</source>
            <translation>更改…</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Stop copying</source>
            <translation>不再复制</translation>
        </message>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Replace the branch's records with a backup (the current ones are kept aside)</source>
            <translation>用一份备份替换支部的记录（现有记录会另存一份）</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <source>Second location</source>
            <translation>第二备份位置</translation>
        </message>
        <message>
            <source>Last backup</source>
            <translation>上次备份</translation>
        </message>
        <message>
            <source>A backup is made every day and whenever BranchDesk closes. Kept: one for each of the last 7 days, 4 weeks and 12 months. A backup opens with the password of its day.</source>
            <translation>每天以及每次关闭支部工作台时都会自动备份。保留最近 7 天、4 周、12 个月各一份。备份要用备份当天的密码打开。</translation>
        </message>
        <message>
            <source>none (for example a USB stick)</source>
            <translation>未设置（例如U盘）</translation>
        </message>
        <message>
            <source>none yet</source>
            <translation>还没有</translation>
        </message>
        <message>
            <source>today at {time}</source>
            <translation>今天 {time}</translation>
        </message>
        <message>
            <source>more than {days} days ago: back up now</source>
            <translation>已超过 {days} 天，请立即备份</translation>
        </message>
        <message>
            <source>Backed up, but not to the second location: {message}</source>
            <translation>已备份，但没有复制到第二备份位置：{message}</translation>
        </message>
        <message>
            <source>The backup is in place. BranchDesk closes now; start it again and enter the password the branch had on the day of the backup.</source>
            <translation>备份已放回。支部工作台现在关闭；请重新启动，并输入备份当天支部使用的密码。</translation>
        </message>
        <message>
            <source>The records as they were are kept in {file}.</source>
            <translation>恢复前的记录保存在 {file}。</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
    </context>
    <context>
        <name>BackupStatusLabel</name>
        <message>
            <source>Backup: backing up…</source>
            <translation>备份：正在备份…</translation>
        </message>
        <message>
            <source>Backup: none yet</source>
            <translation>备份：还没有</translation>
        </message>
        <message>
            <source>Backup: last {when}, more than {days} days ago</source>
            <translation>备份：上次 {when}，已超过 {days} 天</translation>
        </message>
        <message>
            <source>Backup: {when}</source>
            <translation>备份：{when}</translation>
        </message>
        <message>
            <source>second location failed</source>
            <translation>第二备份位置失败</translation>
        </message>
        <message>
            <source>Read-only: the database is damaged — restore a backup (Settings → Backups)</source>
            <translation>只读：数据库已损坏——请恢复备份（设置 → 备份）</translation>
        </message>
    </context>
    <context>
        <name>BackupsModel</name>
        <message>
            <source>Made at</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>Second location</source>
            <translation>第二备份位置</translation>
        </message>
        <message>
            <source>Backup folder</source>
            <translation>备份文件夹</translation>
        </message>
    </context>
    <context>
        <name>BallotForm</name>
        <message>
            <source>Another person (optional)</source>
            <translation>另选他人（可不填）</translation>
        </message>
        <message>
            <source>(not rated)</source>
            <translation>（未评）</translation>
        </message>
        <message>
            <source>(left blank: abstain)</source>
            <translation>（未填：视为弃权）</translation>
        </message>
        <message>
            <source>{name} (written in)</source>
            <translation>{name}（另选）</translation>
        </message>
    </context>
    <context>
        <name>BaseDialog</name>
        <message>
            <source>Dues base — {name}, {year}</source>
            <translation>缴费基数 — {name}（{year}年）</translation>
        </message>
        <message>
            <source>The whole year (from January)</source>
            <translation>全年（自1月起）</translation>
        </message>
        <message>
            <source>From month {n}</source>
            <translation>自{n}月起</translation>
        </message>
        <message>
            <source>yuan a month, after personal income tax</source>
            <translation>元/月，扣除个人所得税后</translation>
        </message>
        <message>
            <source>yuan a month, as approved</source>
            <translation>元/月，按批准的金额</translation>
        </message>
        <message>
            <source>e.g. the street Party working committee</source>
            <translation>如：街道党工委</translation>
        </message>
        <message>
            <source>Dues category</source>
            <translation>党费类别</translation>
        </message>
        <message>
            <source>Applies</source>
            <translation>适用时间</translation>
        </message>
        <message>
            <source>Monthly base</source>
            <translation>月缴费基数</translation>
        </message>
        <message>
            <source>Approved amount</source>
            <translation>批准交纳额</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>批准机关</translation>
        </message>
        <message>
            <source>Date approved</source>
            <translation>批准日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Monthly dues</source>
            <translation>每月应缴</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始月份</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>基数</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>月应缴</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>记录时间</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Bases recorded for {year} (a later record for the same month replaces an earlier one, which stays here):</source>
            <translation>{year}年已记录的基数（同一起始月份以后记录的为准，原记录保留在此）：</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>年薪制: the pay actually received that month; set each month that differs with “From month”.</source>
            <translation>年薪制：按当月实际领取的薪酬计算；金额不同的月份请用“自某月起”分别设置。</translation>
        </message>
        <message>
            <source>个体经营: the average monthly net income of the previous quarter.</source>
            <translation>个体经营：按上一季度月平均纯收入计算。</translation>
        </message>
        <message>
            <source>离退休: the pension actually received, without special allowances such as 护理费.</source>
            <translation>离退休：按实际领取的离退休费计算，不含护理费等特殊津贴。</translation>
        </message>
        <message>
            <source>在职: the regular monthly wage after personal income tax.</source>
            <translation>在职：按每月工资收入扣除个人所得税后的数额计算。</translation>
        </message>
        <message>
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <source>payroll import</source>
            <translation>工资表导入</translation>
        </message>
        <message>
            <source>from the roster</source>
            <translation>取自花名册</translation>
        </message>
        <message>
            <source>Month {n}</source>
            <translation>{n}月</translation>
        </message>
        <message>
            <source>set by hand</source>
            <translation>手工设置</translation>
        </message>
        <message>
            <source>(replaced)</source>
            <translation>（已被替代）</translation>
        </message>
    </context>
    <context>
        <name>BaseImportDialog</name>
        <message>
            <source>Import dues bases — {file}</source>
            <translation>导入缴费基数 — {file}</translation>
        </message>
        <message>
            <source>the whole of {year}</source>
            <translation>{year}年全年</translation>
        </message>
        <message>
            <source>{year} from month {month}</source>
            <translation>{year}年{month}月起</translation>
        </message>
        <message>
            <source>File: {file}; headings in row {row}: {columns}. The bases apply to {applies}.</source>
            <translation>文件：{file}；第 {row} 行为表头：{columns}。基数适用于{applies}。</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>{ok} bases to record; {bad} rows with problems; {skipped} skipped</source>
            <translation>可记录基数 {ok} 条；有问题 {bad} 行；跳过 {skipped} 行</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Base</source>
            <translation>基数</translation>
        </message>
        <message>
            <source>Monthly dues</source>
            <translation>月应缴</translation>
        </message>
        <message>
            <source>Warnings</source>
            <translation>提示</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>To record ({n})</source>
            <translation>将记录（{n}）</translation>
        </message>
        <message>
            <source>Rows with problems ({n})</source>
            <translation>有问题的行（{n}）</translation>
        </message>
        <message>
            <source>Skipped ({n})</source>
            <translation>跳过（{n}）</translation>
        </message>
        <message>
            <source>Record {n} bases</source>
            <translation>记录 {n} 条基数</translation>
        </message>
    </context>
    <context>
        <name>BoardModel</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>签到时间</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>签退时间</translation>
        </message>
        <message>
            <source>How</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>Leave reason</source>
            <translation>请假事由</translation>
        </message>
        <message>
            <source>Scanner</source>
            <translation>扫码</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>By the secretary</source>
            <translation>书记代签</translation>
        </message>
    </context>
    <context>
        <name>BoothWindow</name>
        <message>
            <source>Voting booth — {title}</source>
            <translation>投票机 — {title}</translation>
        </message>
        <message>
            <source>Secret ballot: the code on your slip is not linked to your name.</source>
            <translation>无记名投票：您纸条上的投票码与您的姓名没有任何关联。</translation>
        </message>
        <message>
            <source>Type the 8 digits on the slip you drew</source>
            <translation>请输入您抽取的纸条上的8位数字</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Review my vote</source>
            <translation>检查我的选择</translation>
        </message>
        <message>
            <source>Check your vote, then cast it</source>
            <translation>请核对您的选择，然后投票</translation>
        </message>
        <message>
            <source>Cast my vote</source>
            <translation>确认投票</translation>
        </message>
        <message>
            <source>Change it</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <source>✓ Your vote has been recorded. Thank you.</source>
            <translation>✓ 您的投票已记录，谢谢！</translation>
        </message>
        <message>
            <source>Type all 8 digits</source>
            <translation>请输入全部8位数字</translation>
        </message>
        <message>
            <source>You marked more people in favour than there are seats ({seats}): this ballot will be INVALID. Change it, or cast it as it is.</source>
            <translation>您赞成的人数超过应选名额（{seats} 名）：此票将作为无效票。请返回修改，或按原样投出。</translation>
        </message>
        <message>
            <source>The vote could not be recorded: {error}</source>
            <translation>投票未能记录：{error}</translation>
        </message>
        <message>
            <source>Voting booth</source>
            <translation>投票机</translation>
        </message>
        <message>
            <source>Close the voting booth?</source>
            <translation>关闭投票机吗？</translation>
        </message>
    </context>
    <context>
        <name>CalendarModel</name>
        <message>
            <source>{month}</source>
            <translation>{month}月</translation>
        </message>
        <message>
            <source>each pair {requirement}</source>
            <translation>每对{requirement}</translation>
        </message>
        <message>
            <source>each group {requirement}</source>
            <translation>每个党小组{requirement}</translation>
        </message>
        <message>
            <source>{text} (+{planned} planned)</source>
            <translation>{text}（已安排{planned}）</translation>
        </message>
        <message>
            <source>{period}: {state}</source>
            <translation>{period}：{state}</translation>
        </message>
        <message>
            <source>{held} of {required} pairs have talked</source>
            <translation>应谈 {required} 对，已谈 {held} 对</translation>
        </message>
        <message>
            <source>Held {held} of {required} required</source>
            <translation>应开 {required} 次，已开 {held} 次</translation>
        </message>
        <message>
            <source>{n} recorded but not yet held</source>
            <translation>已安排 {n} 次，尚未召开</translation>
        </message>
        <message>
            <source>{days} days left in this period</source>
            <translation>本周期还剩 {days} 天</translation>
        </message>
        <message>
            <source>Records here begin on {day}</source>
            <translation>本软件从 {day} 起记录</translation>
        </message>
    </context>
    <context>
        <name>CalendarView</name>
        <message>
            <source>The year before</source>
            <translation>上一年</translation>
        </message>
        <message>
            <source>The year after</source>
            <translation>下一年</translation>
        </message>
        <message>
            <source>Required meetings…</source>
            <translation>会议要求设置…</translation>
        </message>
        <message>
            <source>Legend:</source>
            <translation>图例：</translation>
        </message>
        <message>
            <source>Each cell: held / required. Double-click a period to record a meeting for it.</source>
            <translation>每格显示：已开次数 / 应开次数。双击某一周期可为其记录会议。</translation>
        </message>
        <message>
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <source>{year}: {overdue} overdue, {soon} due soon, {held} held</source>
            <translation>{year}年：逾期未开 {overdue} 项，即将到期 {soon} 项，已按要求召开 {held} 项</translation>
        </message>
    </context>
    <context>
        <name>CandidatesDialog</name>
        <message>
            <source>Candidates — {title}</source>
            <translation>候选人 — {title}</translation>
        </message>
        <message>
            <source>Seats</source>
            <translation>应选名额</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>候选人</translation>
        </message>
        <message>
            <source>They are put in surname-stroke order.</source>
            <translation>候选人按姓氏笔画排序。</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change the password</source>
            <translation>更改密码</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>The recovery key stays the same. Backups made before today still open with the old password (or the recovery key).</source>
            <translation>恢复密钥不变。今天以前做的备份仍用旧密码（或恢复密钥）打开。</translation>
        </message>
    </context>
    <context>
        <name>CommitteeDialog</name>
        <message>
            <source>Leaves the committee</source>
            <translation>离任支部委员</translation>
        </message>
        <message>
            <source>Committee post</source>
            <translation>支部委员职务</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>From</source>
            <translation>任职日期</translation>
        </message>
        <message>
            <source>On</source>
            <translation>离任日期</translation>
        </message>
    </context>
    <context>
        <name>CommitteeView</name>
        <message>
            <source>Post</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>任职日期</translation>
        </message>
        <message>
            <source>Appoint or change post…</source>
            <translation>任命或调整职务…</translation>
        </message>
        <message>
            <source>Leaves the committee…</source>
            <translation>离任…</translation>
        </message>
        <message>
            <source>No committee members are recorded. The committee's posts decide who is due at committee meetings and which heart-to-heart talks are required.</source>
            <translation>尚未登记支部委员。支部委员名单决定支委会的应到人员，以及哪些人之间须开展谈心谈话。</translation>
        </message>
        <message>
            <source>Posts are kept with their dates: a committee meeting of the past expects the committee of its day, and the heart-to-heart talks of a year are those of that year's committee.</source>
            <translation>职务按任职日期保存：以往的支委会按当时的支部委员确定应到人员，某一年的谈心谈话按该年的支部委员确定。</translation>
        </message>
    </context>
    <context>
        <name>CountingWindow</name>
        <message>
            <source>Counting paper ballots — {title}</source>
            <translation>纸质选票计票 — {title}</translation>
        </message>
        <message>
            <source>Keys: 1 excellent · 2 competent · 3 basically competent · 4 incompetent · 0 not rated · * cannot be made out</source>
            <translation>按键：1 优秀 · 2 合格 · 3 基本合格 · 4 不合格 · 0 未评 · * 无法辨认</translation>
        </message>
        <message>
            <source>Keys: 1 for · 2 {against} · 3 abstain · 0 left blank · * cannot be made out</source>
            <translation>按键：1 赞成 · 2 {against} · 3 弃权 · 0 空白 · * 无法辨认</translation>
        </message>
        <message>
            <source>Order on the ballot: {names}</source>
            <translation>选票上的顺序：{names}</translation>
        </message>
        <message>
            <source>Scan the code on the ballot</source>
            <translation>扫描选票上的二维码</translation>
        </message>
        <message>
            <source>{n} digits</source>
            <translation>{n} 位数字</translation>
        </message>
        <message>
            <source>Names written in, separated by commas (Enter: none)</source>
            <translation>另选他人姓名，用逗号分隔（直接回车表示没有）</translation>
        </message>
        <message>
            <source>Ballot code</source>
            <translation>选票编码</translation>
        </message>
        <message>
            <source>Marks</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Written in</source>
            <translation>另选他人</translation>
        </message>
        <message>
            <source>The count so far (provisional)</source>
            <translation>目前的计票结果（临时）</translation>
        </message>
        <message>
            <source>Key the marks</source>
            <translation>请键入标记</translation>
        </message>
        <message>
            <source>Marks that cannot be made out: an INVALID ballot</source>
            <translation>标记无法辨认：无效票</translation>
        </message>
        <message>
            <source>not rated</source>
            <translation>未评</translation>
        </message>
        <message>
            <source>blank</source>
            <translation>空白</translation>
        </message>
        <message>
            <source>{n} more to key</source>
            <translation>还差 {n} 位</translation>
        </message>
        <message>
            <source>Written in: {names}</source>
            <translation>另选他人：{names}</translation>
        </message>
        <message>
            <source>More than {seats} for: this ballot is INVALID</source>
            <translation>赞成超过 {seats} 名：此票无效</translation>
        </message>
        <message>
            <source>Not counted (not beside a “not in favour”): {names}</source>
            <translation>不计入（未写在“不赞成”一栏旁）：{names}</translation>
        </message>
        <message>
            <source>Counted.</source>
            <translation>已计入。</translation>
        </message>
        <message>
            <source>The ballot could not be counted: {error}</source>
            <translation>这张选票未能计入：{error}</translation>
        </message>
        <message>
            <source>Ballots in: {collected} · issued: {issued}</source>
            <translation>已收回选票 {collected} 张 · 发出 {issued} 张</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>e.g. 1998-07-01</source>
            <translation>如 1998-07-01</translation>
        </message>
    </context>
    <context>
        <name>DuesChart</name>
        <message>
            <source>Bars: dues due (grey) and collected (red) for each month of the year</source>
            <translation>柱形：每月应缴（灰色）与实缴（红色）党费</translation>
        </message>
        <message>
            <source>Collected</source>
            <translation>实缴</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>应缴</translation>
        </message>
        <message>
            <source>yuan</source>
            <translation>元</translation>
        </message>
    </context>
    <context>
        <name>DuesPage</name>
        <message>
            <source> (year)</source>
            <translation> 年</translation>
        </message>
        <message>
            <source>Record payment…</source>
            <translation>记录缴费…</translation>
        </message>
        <message>
            <source>Set base…</source>
            <translation>设置基数…</translation>
        </message>
        <message>
            <source>Import payroll…</source>
            <translation>导入工资表…</translation>
        </message>
        <message>
            <source>Fix this year's bases</source>
            <translation>确定本年基数</translation>
        </message>
        <message>
            <source>Record the roster's base as this year's base for every member who has none yet, so that later changes on the roster do not change this year's amounts</source>
            <translation>把花名册上的缴费基数记为本年度基数（仅限本年尚未设置基数的党员），此后花名册上的修改不再改变本年应缴金额</translation>
        </message>
        <message>
            <source>Hand up…</source>
            <translation>上缴…</translation>
        </message>
        <message>
            <source>Export ledger…</source>
            <translation>导出台账…</translation>
        </message>
        <message>
            <source>Publication…</source>
            <translation>公示…</translation>
        </message>
        <message>
            <source>The yearly publication of dues (公示), in print preview</source>
            <translation>年度党费收缴情况公示（打印预览）</translation>
        </message>
        <message>
            <source>Publication as PDF…</source>
            <translation>公示存为PDF…</translation>
        </message>
        <message>
            <source>Name or pinyin initials</source>
            <translation>姓名或拼音首字母</translation>
        </message>
        <message>
            <source>Only members with something unpaid</source>
            <translation>只看有欠缴的党员</translation>
        </message>
        <message>
            <source>Reverse the selected payment…</source>
            <translation>冲正所选缴费…</translation>
        </message>
        <message>
            <source>Reverse the selected remittance…</source>
            <translation>冲正所选上缴…</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>台账</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>缴费记录</translation>
        </message>
        <message>
            <source>Handed up</source>
            <translation>上缴记录</translation>
        </message>
        <message>
            <source>Dues settings</source>
            <translation>党费设置</translation>
        </message>
        <message>
            <source>Computing the {year} ledger…</source>
            <translation>正在计算 {year} 年台账…</translation>
        </message>
        <message>
            <source>Due so far</source>
            <translation>截至本月应缴</translation>
        </message>
        <message>
            <source>{amount} yuan</source>
            <translation>{amount} 元</translation>
        </message>
        <message>
            <source>Collected</source>
            <translation>实缴</translation>
        </message>
        <message>
            <source>Due for the year</source>
            <translation>全年应缴</translation>
        </message>
        <message>
            <source>Held by the branch</source>
            <translation>支部结存</translation>
        </message>
        <message>
            <source>Behind 3–5 months</source>
            <translation>连续欠缴3至5个月</translation>
        </message>
        <message>
            <source>{n} member(s)</source>
            <translation>{n} 人</translation>
        </message>
        <message>
            <source>Behind 6 months or more</source>
            <translation>连续欠缴6个月以上</translation>
        </message>
        <message>
            <source>Owe a difference</source>
            <translation>尚欠差额</translation>
        </message>
        <message>
            <source>&lt;b&gt;{year}&lt;/b&gt; dues</source>
            <translation>&lt;b&gt;{year}年党费&lt;/b&gt;</translation>
        </message>
        <message>
            <source>No member is 3 months or more behind</source>
            <translation>没有连续3个月以上未交的党员</translation>
        </message>
        <message>
            <source>No payment recorded yet: arrears are counted from the first month paid here.</source>
            <translation>尚未记录缴费：欠缴从本程序中第一笔缴费所属月份起计算。</translation>
        </message>
        <message>
            <source>All party groups</source>
            <translation>全部党小组</translation>
        </message>
        <message>
            <source>{shown} of {total} members</source>
            <translation>共 {total} 人，显示 {shown} 人</translation>
        </message>
        <message>
            <source>Payment recorded for {name}.</source>
            <translation>已记录 {name} 的缴费。</translation>
        </message>
        <message>
            <source>{n} members' bases were fixed for {year} from the roster.</source>
            <translation>已按花名册确定 {n} 名党员的 {year} 年基数。</translation>
        </message>
        <message>
            <source>Every member already has a base for {year}.</source>
            <translation>所有党员都已有 {year} 年的基数。</translation>
        </message>
        <message>
            <source>Payment of {amount} yuan by {name} on {date} ({months})</source>
            <translation>{name} 于 {date} 缴纳 {amount} 元（{months}）</translation>
        </message>
        <message>
            <source>voluntary extra</source>
            <translation>自愿多交</translation>
        </message>
        <message>
            <source>Handed up {amount} yuan to {recipient} on {date}</source>
            <translation>{date} 向 {recipient} 上缴 {amount} 元</translation>
        </message>
        <message>
            <source>Bases from a payroll spreadsheet</source>
            <translation>从工资表导入缴费基数</translation>
        </message>
        <message>
            <source>Spreadsheets ({patterns})</source>
            <translation>电子表格（{patterns}）</translation>
        </message>
        <message>
            <source>Reading {file}…</source>
            <translation>正在读取 {file}…</translation>
        </message>
        <message>
            <source>Recorded {n} bases from the payroll.</source>
            <translation>已从工资表记录 {n} 条基数。</translation>
        </message>
        <message>
            <source>Party dues ledger {year}.xlsx</source>
            <translation>{year}年党费台账.xlsx</translation>
        </message>
        <message>
            <source>Export the dues ledger</source>
            <translation>导出党费台账</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿（*.xlsx）</translation>
        </message>
        <message>
            <source>Writing {file}…</source>
            <translation>正在写入 {file}…</translation>
        </message>
        <message>
            <source>Exported the ledger of {n} members to {file}</source>
            <translation>已将 {n} 名党员的台账导出到 {file}</translation>
        </message>
        <message>
            <source>Party dues publication {year}.pdf</source>
            <translation>{year}年党费收缴情况公示.pdf</translation>
        </message>
        <message>
            <source>Save the publication as PDF</source>
            <translation>将公示保存为 PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件（*.pdf）</translation>
        </message>
        <message>
            <source>Saved the publication ({pages} pages) to {file}</source>
            <translation>已将公示（共 {pages} 页）保存到 {file}</translation>
        </message>
    </context>
    <context>
        <name>DuesSettings</name>
        <message>
            <source>These follow the decisions of the superior Party committee. The defaults are those of the 2008 regulations where they decide, and the most cautious choice where they leave it open.</source>
            <translation>以下各项按上级党委的规定设置。规定已明确的，默认值按2008年党费规定；规定未明确的，默认取最稳妥的做法。</translation>
        </message>
        <message>
            <source>yuan a month</source>
            <translation>元/月</translation>
        </message>
        <message>
            <source>months</source>
            <translation>个月</translation>
        </message>
        <message>
            <source>e.g. the street Party working committee</source>
            <translation>如：街道党工委</translation>
        </message>
        <message>
            <source>Rounding of the monthly amount</source>
            <translation>月交纳额的取整</translation>
        </message>
        <message>
            <source>Farmers pay (第六条: 0.20–1.00)</source>
            <translation>农民党员每月交纳（第六条：0.20至1.00元）</translation>
        </message>
        <message>
            <source>Taken off the wage for the base</source>
            <translation>计算基数时从工资中扣除</translation>
        </message>
        <message>
            <source>Back-payment at most</source>
            <translation>补交最多</translation>
        </message>
        <message>
            <source>Prepayment at most</source>
            <translation>预交最多</translation>
        </message>
        <message>
            <source>Dues are handed up to</source>
            <translation>党费上缴单位</translation>
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
            <source>Behind with Party dues</source>
            <translation>党费欠缴提醒</translation>
        </message>
        <message>
            <source>Meetings overdue or due this month</source>
            <translation>逾期或本月到期的会议</translation>
        </message>
        <message>
            <source>Away from Party life or behind with dues (for the branch to look at)</source>
            <translation>长期未参加组织生活或未交党费（供支部研究）</translation>
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
            <source>Every member's required items are filled in.</source>
            <translation>所有在册党员的必填信息都已填写完整。</translation>
        </message>
        <message>
            <source>{held} of {required} pairs have talked</source>
            <translation>应谈 {required} 对，已谈 {held} 对</translation>
        </message>
        <message>
            <source>{held} of {required} held</source>
            <translation>应开 {required} 次，已开 {held} 次</translation>
        </message>
        <message>
            <source>{name}, {period}: overdue ({done})</source>
            <translation>{name}，{period}：逾期未开（{done}）</translation>
        </message>
        <message>
            <source>{name}, {period}: {days} days left ({done})</source>
            <translation>{name}，{period}：还剩 {days} 天（{done}）</translation>
        </message>
        <message>
            <source>{text}; {n} planned</source>
            <translation>{text}；已安排 {n} 次</translation>
        </message>
        <message>
            <source>No meeting is overdue, and none is due this month.</source>
            <translation>没有逾期的会议，本月也没有到期的会议。</translation>
        </message>
        <message>
            <source>Click to open the meetings calendar</source>
            <translation>点击打开会议合规日历</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>no Party life since {day} ({n} absences in six months)</source>
            <translation>自 {day} 起未参加组织生活（近六个月缺席 {n} 次）</translation>
        </message>
        <message>
            <source>{months} months of dues unpaid</source>
            <translation>连续 {months} 个月未交党费</translation>
        </message>
        <message>
            <source>{name} — {what}</source>
            <translation>{name}：{what}</translation>
        </message>
        <message>
            <source>No member has missed three months of Party life or of dues.</source>
            <translation>没有党员连续三个月未参加组织生活或未交党费。</translation>
        </message>
        <message>
            <source>Six months in a row without Party life, or without paying dues, or without doing assigned work, without proper reason, is regarded as leaving the Party (Party Constitution, Article 9). The branch meeting decides; the program changes nothing by itself.</source>
            <translation>党员没有正当理由，连续六个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党（党章第九条）。由支部大会决定；本软件不会自动作任何处理。</translation>
        </message>
        <message>
            <source>{name} — {months} months unpaid in a row (six or more: for the branch meeting)</source>
            <translation>{name} — 连续 {months} 个月未交（满6个月，由支部党员大会处理）</translation>
        </message>
        <message>
            <source>{name} — {months} months unpaid in a row</source>
            <translation>{name} — 连续 {months} 个月未交党费</translation>
        </message>
        <message>
            <source>No member is three months or more behind with dues.</source>
            <translation>没有连续3个月以上未交党费的党员。</translation>
        </message>
        <message>
            <source>Click to see this member's dues</source>
            <translation>单击查看该党员的党费</translation>
        </message>
        <message>
            <source>Six months or more without paying dues: without proper reason this is regarded as leaving the Party (党章). The branch meeting decides; the program changes nothing by itself.</source>
            <translation>连续6个月不交纳党费，没有正当理由的，视为自行脱党（党章）。由支部党员大会讨论决定，本程序不会自行作任何处理。</translation>
        </message>
        <message>
            <source>Party dues {year}: due and collected by month</source>
            <translation>{year}年党费：每月应缴与实缴</translation>
        </message>
        <message>
            <source>Due so far {due} yuan, collected {paid} yuan.</source>
            <translation>截至本月应缴 {due} 元，实缴 {paid} 元。</translation>
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
        <name>KioskWindow</name>
        <message>
            <source>Sign-in — {title}</source>
            <translation>签到 — {title}</translation>
        </message>
        <message>
            <source>{type} · {start}–{end} · {place}    Sign in {opens}–{closes} (late after {start}); sign out from {signout}</source>
            <translation>{type} · {start}—{end} · {place}    签到 {opens}—{closes}（{start} 后为迟到）；签退 {signout} 起</translation>
        </message>
        <message>
            <source>Scanner input: hold the member's code under the scanner</source>
            <translation>扫码输入：请将签到码对准扫码器</translation>
        </message>
        <message>
            <source>Esc: leave the sign-in screen</source>
            <translation>Esc：退出签到屏</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎参加会议</translation>
        </message>
        <message>
            <source>Show your sign-in code to the scanner</source>
            <translation>请出示签到码，对准扫码器</translation>
        </message>
        <message>
            <source>Signed in {signed} / expected {expected}</source>
            <translation>已签到 {signed} / 应到 {expected}</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>签到成功</translation>
        </message>
        <message>
            <source>Signed in — late</source>
            <translation>签到成功（迟到）</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>签退成功</translation>
        </message>
        <message>
            <source>Not accepted</source>
            <translation>未能签到</translation>
        </message>
        <message>
            <source>Please see the secretary</source>
            <translation>请找书记处理</translation>
        </message>
        <message>
            <source>Leave the sign-in screen</source>
            <translation>退出签到屏</translation>
        </message>
        <message>
            <source>Leave the sign-in screen? Scans are no longer taken until it is opened again.</source>
            <translation>退出签到屏吗？退出后不再接受扫码，直到再次打开。</translation>
        </message>
    </context>
    <context>
        <name>LedgerModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Monthly base</source>
            <translation>月工资收入</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>执行标准</translation>
        </message>
        <message>
            <source>Monthly dues</source>
            <translation>月应缴</translation>
        </message>
        <message>
            <source>Arrears</source>
            <translation>连续欠缴</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>全年应缴</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>全年实缴</translation>
        </message>
        <message>
            <source>Owed</source>
            <translation>未交</translation>
        </message>
        <message>
            <source>Exempt</source>
            <translation>免交</translation>
        </message>
        <message>
            <source>{n} mo.</source>
            <translation>{n}个月</translation>
        </message>
        <message>
            <source>Double-click to type this year's base (月工资收入, after tax)</source>
            <translation>双击输入本年度基数（月工资收入，税后）</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>批准额</translation>
        </message>
        <message>
            <source>Fixed</source>
            <translation>定额</translation>
        </message>
        <message>
            <source>{name}, month {month}: due {due}, paid {paid}</source>
            <translation>{name} {month}月：应缴 {due}，已缴 {paid}</translation>
        </message>
        <message>
            <source>Nothing due: not yet a member of this branch, no longer on its roll, or membership suspended</source>
            <translation>无需交纳：当时尚未入党或不在本支部、已不在册，或处于停止党籍期间</translation>
        </message>
        <message>
            <source>Paid before the base rose: {amount} still due with the next payment</source>
            <translation>基数提高前已交：差额 {amount} 元随下次缴费补交</translation>
        </message>
        <message>
            <source>Before the dues records in this program begin</source>
            <translation>本程序开始记录党费之前的月份</translation>
        </message>
        <message>
            <source>Exempt (approved)</source>
            <translation>免交（已批准）</translation>
        </message>
        <message>
            <source>From the roster; not yet fixed for this year</source>
            <translation>取自花名册，尚未确定为本年度基数</translation>
        </message>
        <message>
            <source>The base changed during the year: use “Set base…” to see and change it</source>
            <translation>年内基数有调整：请用“设置基数…”查看和修改</translation>
        </message>
        <message>
            <source>Approved by {body} on {date}</source>
            <translation>{body} 于 {date} 批准</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>BranchDesk is locked</source>
            <translation>支部工作台已锁定</translation>
        </message>
        <message>
            <source>It was left alone for a while. Type the password to go on.</source>
            <translation>程序有一段时间无人使用。请输入密码继续。</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>The password is wrong. Check the keyboard's language and Caps Lock, then try again.</source>
            <translation>密码不对。请检查键盘的输入法和大写锁定，然后再试。</translation>
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
            <source>Party dues</source>
            <translation>党费</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>投票</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Opening the branch's records…</source>
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
        <name>MeetingDialog</name>
        <message>
            <source>Basics</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>会议记录</translation>
        </message>
        <message>
            <source>What the meeting decided, one item per line</source>
            <translation>会议作出的决议，每行一项</translation>
        </message>
        <message>
            <source>Resolutions</source>
            <translation>会议决议</translation>
        </message>
        <message>
            <source>Six items</source>
            <translation>六项内容</translation>
        </message>
        <message>
            <source>Photos and files</source>
            <translation>照片和附件</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Print preview…</source>
            <translation>打印预览…</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>导出 PDF…</translation>
        </message>
        <message>
            <source>Sign-in…</source>
            <translation>签到…</translation>
        </message>
        <message>
            <source>Save, close the record and open the meeting's sign-in desk</source>
            <translation>保存并关闭会议记录，打开本次会议的签到台</translation>
        </message>
        <message>
            <source>e.g. Studying the spirit of the Fourth Plenary Session</source>
            <translation>如：学习贯彻党的二十届四中全会精神</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>会议主题</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>会议地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Who attends</source>
            <translation>参会范围</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Talking</source>
            <translation>谈话人</translation>
        </message>
        <message>
            <source>With</source>
            <translation>谈话对象</translation>
        </message>
        <message>
            <source>Mark the rest present</source>
            <translation>其余人员记为出席</translation>
        </message>
        <message>
            <source>Mark the rest absent</source>
            <translation>其余人员记为缺席</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Who changed it</source>
            <translation>修改人</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>修改内容</translation>
        </message>
        <message>
            <source>Changes to the attendance record</source>
            <translation>出席记录的修改记录</translation>
        </message>
        <message>
            <source>Bold</source>
            <translation>加粗</translation>
        </message>
        <message>
            <source>Numbered list</source>
            <translation>编号列表</translation>
        </message>
        <message>
            <source>Start from the template</source>
            <translation>插入记录模板</translation>
        </message>
        <message>
            <source>The items this theme Party day covered:</source>
            <translation>本次主题党日开展的内容：</translation>
        </message>
        <message>
            <source>{kind}: {title} — {state}</source>
            <translation>{kind}：{title} — {state}</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>投票</translation>
        </message>
        <message>
            <source>(not recorded)</source>
            <translation>（未记录）</translation>
        </message>
        <message>
            <source>{status} ({reason})</source>
            <translation>{status}（{reason}）</translation>
        </message>
        <message>
            <source>sign-in</source>
            <translation>签到</translation>
        </message>
        <message>
            <source>Due to attend on {day} (the roll as it was that day): {expected}. Present {present}, on leave {leave}, absent {absent}.</source>
            <translation>按 {day} 当天的党员名册，应到 {expected} 人；出席 {present} 人，请假 {leave} 人，缺席 {absent} 人。</translation>
        </message>
        <message>
            <source>Attendance ({present}/{expected})</source>
            <translation>出席情况（{present}/{expected}）</translation>
        </message>
        <message>
            <source>Record a meeting</source>
            <translation>记录会议</translation>
        </message>
        <message>
            <source>Meeting record — {title}</source>
            <translation>会议记录 — {title}</translation>
        </message>
        <message>
            <source>Please correct the {n} item(s) marked in red; the meeting has not been saved.</source>
            <translation>请改正标红的 {n} 项，会议尚未保存。</translation>
        </message>
        <message>
            <source>{n} item(s) look wrong (in orange). Check them; if they are right, press “Save anyway”.</source>
            <translation>有 {n} 项看起来不对（橙色标出）。请核对；如确认无误，请点“仍然保存”。</translation>
        </message>
        <message>
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
        <message>
            <source>Copying the files into the branch's data folder…</source>
            <translation>正在把文件复制到支部数据文件夹…</translation>
        </message>
        <message>
            <source>{date} {type} minutes.pdf</source>
            <translation>{date} {type}会议记录.pdf</translation>
        </message>
        <message>
            <source>Export the minutes</source>
            <translation>导出会议记录</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>The minutes were written to {file}</source>
            <translation>会议记录已导出到 {file}</translation>
        </message>
    </context>
    <context>
        <name>MeetingsModel</name>
        <message>
            <source>Date and time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>会议主题</translation>
        </message>
        <message>
            <source>Who attends</source>
            <translation>参会范围</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Attendance</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Not yet held: it ends {end}</source>
            <translation>尚未召开：结束时间为 {end}</translation>
        </message>
        <message>
            <source>{present} present, {leave} on leave, {absent} absent</source>
            <translation>出席 {present}，请假 {leave}，缺席 {absent}</translation>
        </message>
    </context>
    <context>
        <name>MeetingsPage</name>
        <message>
            <source>Meeting records</source>
            <translation>会议记录</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>合规日历</translation>
        </message>
        <message>
            <source>Branch committee</source>
            <translation>支部委员会</translation>
        </message>
        <message>
            <source>Record a meeting</source>
            <translation>记录会议</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Print minutes…</source>
            <translation>打印会议记录…</translation>
        </message>
        <message>
            <source>Sign-in…</source>
            <translation>签到…</translation>
        </message>
        <message>
            <source>Sign-in sheet, cards, the scanner screen, phones, leave, closing the meeting</source>
            <translation>签到表、签到卡、扫码签到屏、手机签到、请假、结束会议</translation>
        </message>
        <message>
            <source>Topic, place, host or party group</source>
            <translation>会议主题、地点、主持人或党小组</translation>
        </message>
        <message>
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <source>{total} meetings, {shown} shown</source>
            <translation>共 {total} 次会议，显示 {shown} 次</translation>
        </message>
        <message>
            <source>No meeting matches. Set the filters back to “All”.</source>
            <translation>没有符合条件的会议。请把筛选条件改回“全部”。</translation>
        </message>
        <message>
            <source>No meetings recorded yet. Use “Record a meeting” to keep the record of each branch meeting, committee meeting, party group meeting, lecture and theme day as it happens.</source>
            <translation>还没有会议记录。每次召开支部党员大会、支委会、党小组会、党课、主题党日等，请点“记录会议”及时记录。</translation>
        </message>
        <message>
            <source>Delete a meeting</source>
            <translation>删除会议</translation>
        </message>
        <message>
            <source>Delete the record of “{title}” ({date}) with its attendance, minutes and files? This cannot be undone.</source>
            <translation>删除“{title}”（{date}）的会议记录及其出席情况、会议内容和附件？删除后无法恢复。</translation>
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
            <source>Shown in full only here, only when you ask, and recorded in the audit log</source>
            <translation>只在这里、只在您要求时完整显示，并记入审计日志</translation>
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
            <source>Show full number</source>
            <translation>显示完整号码</translation>
        </message>
        <message>
            <source>Show full address</source>
            <translation>显示完整住址</translation>
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
        <name>NewPasswordDialog</name>
        <message>
            <source>Choose a password</source>
            <translation>设置密码</translation>
        </message>
        <message>
            <source>From this version on, BranchDesk encrypts ID numbers, phones and addresses. Choose the password that will open the program. The records are encrypted right after; this takes a moment.</source>
            <translation>从这个版本起，支部工作台对身份证号、电话和住址加密保存。请设置打开程序用的密码。设置后马上加密现有记录，需要稍等片刻。</translation>
        </message>
        <message>
            <source>Choose the password that will open the program. ID numbers, phones and addresses are encrypted with it: whoever takes this computer or a copy of its files cannot read them.</source>
            <translation>请设置打开程序用的密码。身份证号、电话和住址用它加密保存：即使有人拿走这台电脑或复制了文件，也无法读取。</translation>
        </message>
    </context>
    <context>
        <name>NewPasswordForm</name>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>Type it again</source>
            <translation>再输入一次</translation>
        </message>
        <message>
            <source>At least 8 characters; a short sentence is easy to remember and hard to guess.</source>
            <translation>至少 8 个字符；一句短话既好记又难猜。</translation>
        </message>
        <message>
            <source>Strength: too weak</source>
            <translation>强度：太弱</translation>
        </message>
        <message>
            <source>Strength: fair</source>
            <translation>强度：一般</translation>
        </message>
        <message>
            <source>Strength: good</source>
            <translation>强度：较好</translation>
        </message>
        <message>
            <source>Strength: strong</source>
            <translation>强度：很强</translation>
        </message>
        <message>
            <source>The two passwords differ</source>
            <translation>两次输入的密码不一致</translation>
        </message>
    </context>
    <context>
        <name>NewRecoveryKeyDialog</name>
        <message>
            <source>Make a new recovery key</source>
            <translation>生成新的恢复密钥</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>Make the new key</source>
            <translation>生成新密钥</translation>
        </message>
        <message>
            <source>For a recovery key sheet that was lost or that someone else may have seen. The new key is shown once, to write down or print; from then on the old key no longer opens this branch. The password stays the same.</source>
            <translation>用于恢复密钥纸条丢失、或可能被他人看到的情况。新的恢复密钥只显示一次，请抄下或打印；此后旧的恢复密钥不能再打开本支部的数据。密码保持不变。</translation>
        </message>
        <message>
            <source>Backups made before now still open with the old recovery key (or the password of their day), not with the new one. Keep the old sheet as long as you keep those backups; whoever has the old key and one of them can read it.</source>
            <translation>此前做的备份仍用旧的恢复密钥（或当时的密码）打开，新的恢复密钥打不开它们。只要还保留着这些备份，就请留好旧的纸条；持有旧密钥和其中任何一份备份的人，都能读取那份备份。</translation>
        </message>
    </context>
    <context>
        <name>NoticeDialog</name>
        <message>
            <source>{unit}, {date} — for {month}</source>
            <translation>{unit}，{date}（适用于 {month}）</translation>
        </message>
        <message>
            <source>{unit}, {date}</source>
            <translation>{unit}，{date}</translation>
        </message>
        <message>
            <source>(no text)</source>
            <translation>（无正文）</translation>
        </message>
        <message>
            <source>Put away</source>
            <translation>收起</translation>
        </message>
    </context>
    <context>
        <name>NoticesSection</name>
        <message>
            <source>From the superior organisation</source>
            <translation>上级通知</translation>
        </message>
        <message>
            <source>Requirement</source>
            <translation>工作要求</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>通知</translation>
        </message>
        <message>
            <source>[{kind}] {title} — {unit} ({month})</source>
            <translation>【{kind}】{title}（{unit}，{month}）</translation>
        </message>
        <message>
            <source>[{kind}] {title} — {unit}</source>
            <translation>【{kind}】{title}（{unit}）</translation>
        </message>
        <message>
            <source>Click to read</source>
            <translation>点击阅读</translation>
        </message>
    </context>
    <context>
        <name>PaymentDialog</name>
        <message>
            <source>Record a dues payment</source>
            <translation>记录党费缴纳</translation>
        </message>
        <message>
            <source>Leave empty when the member pays in person</source>
            <translation>本人缴纳时不填</translation>
        </message>
        <message>
            <source>optional, yuan</source>
            <translation>可不填，单位：元</translation>
        </message>
        <message>
            <source>to</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Date paid</source>
            <translation>缴纳日期</translation>
        </message>
        <message>
            <source>Months paid for</source>
            <translation>所缴月份</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>缴纳方式</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Paid by (代缴)</source>
            <translation>代缴人</translation>
        </message>
        <message>
            <source>Voluntary extra</source>
            <translation>自愿多交</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>应缴</translation>
        </message>
        <message>
            <source>Paid before</source>
            <translation>此前已缴</translation>
        </message>
        <message>
            <source>This payment</source>
            <translation>本次缴纳</translation>
        </message>
        <message>
            <source>Record payment</source>
            <translation>记录缴费</translation>
        </message>
        <message>
            <source>A single voluntary payment of 1000 yuan or more goes entirely to the Central Committee (第十一条).</source>
            <translation>单笔自愿多交1000元以上的，全部上缴中央（第十一条）。</translation>
        </message>
        <message>
            <source>The date of payment is not a date</source>
            <translation>缴纳日期不是有效的日期</translation>
        </message>
        <message>
            <source> (difference)</source>
            <translation>（补差额）</translation>
        </message>
        <message>
            <source>Paid before the base rose: the difference is due with this payment</source>
            <translation>基数提高前已交：差额随本次缴费补交</translation>
        </message>
        <message>
            <source>Total: {amount} yuan</source>
            <translation>合计：{amount} 元</translation>
        </message>
        <message>
            <source> (of which voluntary {amount})</source>
            <translation>（其中自愿多交 {amount} 元）</translation>
        </message>
    </context>
    <context>
        <name>PaymentsModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Months</source>
            <translation>所缴月份</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>缴纳方式</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>代缴人</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Voluntary extra</source>
            <translation>自愿多交</translation>
        </message>
        <message>
            <source>Reversal of entry {id}: {reason}</source>
            <translation>冲正第 {id} 笔：{reason}</translation>
        </message>
        <message>
            <source>Reversed (entry {id})</source>
            <translation>已冲正（第 {id} 笔）</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>Voluntary, 1000 yuan or more: goes entirely to the Central Committee</source>
            <translation>自愿多交1000元以上：全部上缴中央</translation>
        </message>
    </context>
    <context>
        <name>PhoneSigninWindow</name>
        <message>
            <source>Sign in by phone — {title}</source>
            <translation>手机签到 — {title}</translation>
        </message>
        <message>
            <source>1. Join the office Wi-Fi</source>
            <translation>① 手机连接办公室无线网络</translation>
        </message>
        <message>
            <source>2. Scan this code with the phone's camera or WeChat</source>
            <translation>② 用手机相机或微信扫描下面的二维码</translation>
        </message>
        <message>
            <source>3. Tap your name and type the last 4 digits of your phone</source>
            <translation>③ 点选自己的姓名，输入手机号后4位</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.20</source>
            <translation>例如 192.168.1.20</translation>
        </message>
        <message>
            <source>Stop sign-in by phone</source>
            <translation>停止手机签到</translation>
        </message>
        <message>
            <source>This PC's address on the office network:</source>
            <translation>本机在办公网络中的地址：</translation>
        </message>
        <message>
            <source>port {port}</source>
            <translation>端口 {port}</translation>
        </message>
        <message>
            <source>This PC has no address on a network: connect it to the office Wi-Fi or network, or type its address</source>
            <translation>本机尚未连接网络：请连接办公室无线网络或网线，或手动填写本机地址</translation>
        </message>
        <message>
            <source>Signed in by phone: {phones}    All signed in: {signed} / {expected}    Sign-in closes at {closes}</source>
            <translation>手机签到 {phones} 人　　共已签到 {signed} / 应到 {expected}　　签到 {closes} 截止</translation>
        </message>
    </context>
    <context>
        <name>PhoneVotingWindow</name>
        <message>
            <source>Voting by phone — {title}</source>
            <translation>手机投票 — {title}</translation>
        </message>
        <message>
            <source>1. Join the office Wi-Fi</source>
            <translation>1. 连接办公室 Wi-Fi</translation>
        </message>
        <message>
            <source>2. Scan this code with the phone's camera or WeChat</source>
            <translation>2. 用手机相机或微信扫描此二维码</translation>
        </message>
        <message>
            <source>3. Type the code on your slip and vote</source>
            <translation>3. 输入纸条上的投票码并投票</translation>
        </message>
        <message>
            <source>e.g. 192.168.1.20</source>
            <translation>例如 192.168.1.20</translation>
        </message>
        <message>
            <source>Stop voting by phone</source>
            <translation>停止手机投票</translation>
        </message>
        <message>
            <source>This PC's address on the office network:</source>
            <translation>本机在办公室网络中的地址：</translation>
        </message>
        <message>
            <source>port {port}</source>
            <translation>端口 {port}</translation>
        </message>
        <message>
            <source>This PC has no address on a network: connect it to the office Wi-Fi or network, or type its address</source>
            <translation>本机没有网络地址：请连接办公室 Wi-Fi 或网络，或输入本机地址</translation>
        </message>
        <message>
            <source>Ballots in: {collected}    Codes used: {used} of {made}</source>
            <translation>已收回选票：{collected}    投票码已用：{used} / {made}</translation>
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
        <name>PollDialog</name>
        <message>
            <source>New vote — {kind}</source>
            <translation>新建投票 — {kind}</translation>
        </message>
        <message>
            <source>Election of the branch committee</source>
            <translation>支部委员会选举</translation>
        </message>
        <message>
            <source>Democratic appraisal of members, {year}</source>
            <translation>{year}年度民主评议党员</translation>
        </message>
        <message>
            <source>(no meeting)</source>
            <translation>（不关联会议）</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Election of the branch committee (competitive: 20% more candidates than seats)</source>
            <translation>支部委员会选举（差额选举：候选人多于应选人数20%）</translation>
        </message>
        <message>
            <source>One name per line (or separated by commas)</source>
            <translation>每行一个姓名（或用逗号分隔）</translation>
        </message>
        <message>
            <source>The person's name, or the resolution in a few words</source>
            <translation>对象姓名，或简述决议事项</translation>
        </message>
        <message>
            <source>Seats</source>
            <translation>应选名额</translation>
        </message>
        <message>
            <source>Candidates</source>
            <translation>候选人</translation>
        </message>
        <message>
            <source>The decision</source>
            <translation>表决事项</translation>
        </message>
        <message>
            <source>On</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Every member on the roll is rated; full members vote.</source>
            <translation>对在册的每名党员进行评议；由正式党员投票。</translation>
        </message>
        <message>
            <source>Ways of voting</source>
            <translation>投票方式</translation>
        </message>
        <message>
            <source>Set up</source>
            <translation>创建</translation>
        </message>
        <message>
            <source>Admitting {name} as a probationary member</source>
            <translation>接收{name}为预备党员</translation>
        </message>
        <message>
            <source>Full membership of probationary member {name}</source>
            <translation>预备党员{name}转为正式党员</translation>
        </message>
        <message>
            <source>Candidates are listed on the ballot by surname strokes.</source>
            <translation>候选人在选票上按姓氏笔画排列。</translation>
        </message>
        <message>
            <source>On the ballot: {names}</source>
            <translation>选票上的顺序：{names}</translation>
        </message>
        <message>
            <source>A committee election needs at least {n} candidates for {seats} seats.</source>
            <translation>支部委员会选举应选 {seats} 名，候选人至少应有 {n} 名。</translation>
        </message>
    </context>
    <context>
        <name>PollsModel</name>
        <message>
            <source>Set up</source>
            <translation>创建日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>{title} (round {n})</source>
            <translation>{title}（第{n}轮）</translation>
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
        <name>Publication</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党费类别</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>执行标准</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>月交纳额</translation>
        </message>
        <message>
            <source>Due for the year</source>
            <translation>全年应缴</translation>
        </message>
        <message>
            <source>Paid for the year</source>
            <translation>全年实缴</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Received in {year}: {received} yuan (of which voluntary extra {voluntary} yuan); handed up to the superior committee: {remitted} yuan; held at the start of the year: {opening} yuan; held at the end: {closing} yuan.</source>
            <translation>{year}年共收缴党费 {received} 元（其中自愿多交 {voluntary} 元），上缴上级党委 {remitted} 元；年初结存 {opening} 元，年末结存 {closing} 元。</translation>
        </message>
        <message>
            <source>Voluntary payments of 1000 yuan or more ({amount} yuan) go entirely to the Central Committee.</source>
            <translation>单笔1000元以上的自愿多交党费（{amount} 元）全部上缴中央。</translation>
        </message>
        <message>
            <source>{branch}: Party dues collected in {year}</source>
            <translation>{branch}{year}年度党费收缴情况</translation>
        </message>
        <message>
            <source>Publication</source>
            <translation>公　示</translation>
        </message>
        <message>
            <source>In accordance with the Regulations on the Collection, Use and Management of Party Dues, the branch publishes the dues of its members for {year} as follows ({members} members, {fully} paid in full).</source>
            <translation>根据《关于中国共产党党费收缴、使用和管理的规定》，现将本支部党员{year}年度交纳党费情况公示如下（共 {members} 人，按时足额交纳 {fully} 人）。</translation>
        </message>
        <message>
            <source>Members with questions about these figures are asked to tell the branch committee during the publication period.</source>
            <translation>公示期间，党员对以上情况如有疑问，请向支部委员会反映。</translation>
        </message>
        <message>
            <source>The printer or the file could not be opened for writing</source>
            <translation>无法打开打印机或文件进行写入</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>Print preview — {branch}: Party dues collected in {year}</source>
            <translation>打印预览 — {branch}{year}年度党费收缴情况</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>I have written it down or printed it, and put it away safely</source>
            <translation>我已抄下或打印，并妥善保管</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>If the password is ever forgotten, this recovery key is the only way to set a new one; without both, nobody — not even the program's makers — can read the encrypted records. It is shown only now.</source>
            <translation>万一忘记密码，只有用这个恢复密钥才能设置新密码；两者都没有，任何人（包括程序的开发者）都无法读取加密的记录。它只显示这一次。</translation>
        </message>
        <message>
            <source>Keep it on paper, locked away from the computer — not in a file on it.</source>
            <translation>请记在纸上，与电脑分开锁好保管，不要存成电脑里的文件。</translation>
        </message>
        <message>
            <source>BranchDesk recovery key</source>
            <translation>支部工作台恢复密钥</translation>
        </message>
        <message>
            <source>Branch: {name}</source>
            <translation>支部：{name}</translation>
        </message>
        <message>
            <source>With this key a new password can be set when the password is forgotten (the “Forgot the password?” button when BranchDesk starts). Keep this page locked away, apart from the computer.</source>
            <translation>忘记密码时，可以用这个密钥设置新密码（启动支部工作台时点“忘记密码？”）。请把这页纸与电脑分开锁好保管。</translation>
        </message>
    </context>
    <context>
        <name>RemittanceDialog</name>
        <message>
            <source>Hand dues up to the superior committee</source>
            <translation>向上级党委上缴党费</translation>
        </message>
        <message>
            <source>The branch holds {amount} yuan of dues.</source>
            <translation>支部现结存党费 {amount} 元。</translation>
        </message>
        <message>
            <source>yuan</source>
            <translation>元</translation>
        </message>
        <message>
            <source>e.g. the street Party working committee</source>
            <translation>如：街道党工委</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>上缴日期</translation>
        </message>
        <message>
            <source>Amount (yuan)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Handed to</source>
            <translation>上缴单位</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Please enter the date and the amount</source>
            <translation>请填写日期和金额</translation>
        </message>
    </context>
    <context>
        <name>RemittancesModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Handed to</source>
            <translation>上缴单位</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Reversal of entry {id}: {reason}</source>
            <translation>冲正第 {id} 笔：{reason}</translation>
        </message>
        <message>
            <source>Reversed (entry {id})</source>
            <translation>已冲正（第 {id} 笔）</translation>
        </message>
    </context>
    <context>
        <name>RequirementsDialog</name>
        <message>
            <source>Required meetings</source>
            <translation>会议要求</translation>
        </message>
        <message>
            <source>not required</source>
            <translation>不作要求</translation>
        </message>
        <message>
            <source>time(s)</source>
            <translation>次</translation>
        </message>
        <message>
            <source>(each party group)</source>
            <translation>（每个党小组）</translation>
        </message>
        <message>
            <source>(each pair)</source>
            <translation>（每对谈话人）</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>“Due soon” from</source>
            <translation>提前提醒</translation>
        </message>
        <message>
            <source>Records kept here from</source>
            <translation>本软件记录起始日期</translation>
        </message>
        <message>
            <source>Defaults follow the Regulations on the Work of Party Branches (2018). Periods that ended before the records kept here began are not marked overdue.</source>
            <translation>默认要求依据《中国共产党支部工作条例（试行）》（2018年）。在本软件开始记录之前已经结束的周期，不标为逾期。</translation>
        </message>
        <message>
            <source>Back to the defaults</source>
            <translation>恢复默认</translation>
        </message>
    </context>
    <context>
        <name>RestoreWizard</name>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>The branch database is damaged</source>
            <translation>支部数据库已损坏</translation>
        </message>
        <message>
            <source>The check at start found damage in {path}. Nothing has been changed and nothing was opened. Restore the newest good backup below; the damaged file is kept aside, for IT staff.</source>
            <translation>启动时的检查发现 {path} 已损坏。没有做任何改动，也没有打开它。请在下面恢复最新的完好备份；损坏的文件会另存一份，留给信息技术人员查看。</translation>
        </message>
        <message>
            <source>The branch's records are replaced by those of the backup. The records as they are now are kept aside first, so the restore can be undone. BranchDesk closes after the restore; when it starts again, it asks for the password the branch had on the day of the backup.</source>
            <translation>支部的记录将被备份中的记录替换。现有的记录会先另存一份，因此恢复可以撤销。恢复后支部工作台会关闭；再次启动时，请输入备份当天支部使用的密码。</translation>
        </message>
        <message>
            <source>There are no backups in {folder}. Choose a backup file (“Another file…”), for example from a USB stick.</source>
            <translation>{folder} 中没有备份。请选择一个备份文件（“另选文件…”），例如U盘上的备份。</translation>
        </message>
        <message>
            <source>Restore this backup</source>
            <translation>恢复这个备份</translation>
        </message>
        <message>
            <source>Another file…</source>
            <translation>另选文件…</translation>
        </message>
        <message>
            <source>Quit BranchDesk</source>
            <translation>退出支部工作台</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Open read-only</source>
            <translation>只读打开</translation>
        </message>
        <message>
            <source>Look at the records without changing anything — for example to note what was entered since the last backup. Some may not be readable. Restore a backup afterwards.</source>
            <translation>只查看记录，不做任何改动——例如记下上次备份以后录入的内容。有些记录可能无法读取。查看之后请恢复备份。</translation>
        </message>
        <message>
            <source>Checking {name}…</source>
            <translation>正在检查 {name}…</translation>
        </message>
        <message>
            <source>Choose an older backup.</source>
            <translation>请选择一个更早的备份。</translation>
        </message>
        <message>
            <source>Checked: the backup is whole — “{branch}”, {n} members on record.</source>
            <translation>已检查：备份完好——“{branch}”，记录中有 {n} 名党员。</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>选择备份</translation>
        </message>
        <message>
            <source>BranchDesk backups (*.sqlite);;All files (*)</source>
            <translation>支部工作台备份 (*.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Replace the records of “{branch}” with the backup {name}? The current records are kept aside.</source>
            <translation>用备份 {name} 替换“{branch}”的记录吗？现有的记录会另存一份。</translation>
        </message>
    </context>
    <context>
        <name>ResultModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>表决对象</translation>
        </message>
        <message>
            <source>Excellent by a majority, beyond one third</source>
            <translation>过半数评为优秀，超出三分之一</translation>
        </message>
        <message>
            <source>Excellent by a majority</source>
            <translation>过半数评为优秀</translation>
        </message>
        <message>
            <source>Elected</source>
            <translation>当选</translation>
        </message>
        <message>
            <source>Tied: re-vote</source>
            <translation>得票相等：再次投票</translation>
        </message>
        <message>
            <source>Not elected</source>
            <translation>未当选</translation>
        </message>
        <message>
            <source> (written in)</source>
            <translation>（另选）</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>未通过</translation>
        </message>
    </context>
    <context>
        <name>ReversalDialog</name>
        <message>
            <source>Reverse an entry</source>
            <translation>冲正</translation>
        </message>
        <message>
            <source>The entry stays in the records; a reversing entry of the opposite amount is added and points at it. Enter the right one afterwards if needed.</source>
            <translation>原记录保留不动，另加一笔金额相反的冲正记录与之对应。如有需要，随后再录入正确的记录。</translation>
        </message>
        <message>
            <source>e.g. entered for the wrong member</source>
            <translation>如：录错了党员</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>冲正日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Reverse</source>
            <translation>冲正</translation>
        </message>
        <message>
            <source>Please enter the date</source>
            <translation>请填写日期</translation>
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
        <name>SecuritySection</name>
        <message>
            <source>Password and lock</source>
            <translation>密码与锁定</translation>
        </message>
        <message>
            <source>Change the password…</source>
            <translation>更改密码…</translation>
        </message>
        <message>
            <source>Make a new recovery key…</source>
            <translation>生成新的恢复密钥…</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Lock after no use for</source>
            <translation>无操作自动锁定</translation>
        </message>
        <message>
            <source>The password was changed</source>
            <translation>密码已更改</translation>
        </message>
        <message>
            <source>A new recovery key was made; the old one no longer works</source>
            <translation>已生成新的恢复密钥，旧的恢复密钥从此失效</translation>
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
            <source>Open the audit log</source>
            <translation>打开审计日志</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
    </context>
    <context>
        <name>SigninDialog</name>
        <message>
            <source>Sign-in — {title}</source>
            <translation>签到 — {title}</translation>
        </message>
        <message>
            <source>Print the sign-in sheet…</source>
            <translation>打印签到表…</translation>
        </message>
        <message>
            <source>Sign-in sheet as PDF…</source>
            <translation>签到表导出PDF…</translation>
        </message>
        <message>
            <source>Print sign-in cards…</source>
            <translation>打印签到卡…</translation>
        </message>
        <message>
            <source>Cards for members without a phone: for the members selected, or everyone expected</source>
            <translation>为没有手机的党员打印签到卡：打印选中的党员，未选中时打印全部应到党员</translation>
        </message>
        <message>
            <source>Start the scanner screen</source>
            <translation>开始签到（扫码屏）</translation>
        </message>
        <message>
            <source>Sign in by phone…</source>
            <translation>手机签到…</translation>
        </message>
        <message>
            <source>Leave…</source>
            <translation>请假…</translation>
        </message>
        <message>
            <source>Cancel the leave</source>
            <translation>取消请假</translation>
        </message>
        <message>
            <source>Sign in by hand</source>
            <translation>代为签到</translation>
        </message>
        <message>
            <source>For a member who is here without their code</source>
            <translation>党员已到场但未带签到码时，由书记代为签到</translation>
        </message>
        <message>
            <source>Set a PIN…</source>
            <translation>设置签到密码…</translation>
        </message>
        <message>
            <source>A PIN for phone sign-in, for a member with no phone number on file</source>
            <translation>为未登记手机号的党员设置手机签到密码</translation>
        </message>
        <message>
            <source>Close the meeting</source>
            <translation>结束会议</translation>
        </message>
        <message>
            <source>Reopen sign-in</source>
            <translation>重新开放签到</translation>
        </message>
        <message>
            <source>Attendance statistics…</source>
            <translation>出勤统计…</translation>
        </message>
        <message>
            <source>Sign-in settings…</source>
            <translation>签到设置…</translation>
        </message>
        <message>
            <source>Find a member</source>
            <translation>查找党员</translation>
        </message>
        <message>
            <source>{type} · {time} · {place}. Sign in {opens}–{closes} (late after {start}); sign out from {signout}.</source>
            <translation>{type} · {time} · {place}。签到 {opens}—{closes}（{start} 后为迟到）；签退 {signout} 起。</translation>
        </message>
        <message>
            <source>Expected {expected}: signed in {signed} (late {late}, signed out {out}), on leave {leave}, not yet signed in {none}.</source>
            <translation>应到 {expected} 人：已签到 {signed} 人（迟到 {late} 人，已签退 {out} 人），请假 {leave} 人，未签到 {none} 人。</translation>
        </message>
        <message>
            <source>Sign-in is open.</source>
            <translation>签到进行中。</translation>
        </message>
        <message>
            <source>The meeting was closed at {time}: who had not signed in is marked absent, and the attendance is in the meeting's record.</source>
            <translation>会议已于 {time} 结束：未签到者已记为缺勤，出勤情况已写入会议记录。</translation>
        </message>
        <message>
            <source>Expected {expected}: present {present}, late {late}, on leave {leave}, absent {absent}.</source>
            <translation>应到 {expected} 人：按时出席 {present} 人，迟到 {late} 人，请假 {leave} 人，缺勤 {absent} 人。</translation>
        </message>
        <message>
            <source>{date} sign-in sheet.pdf</source>
            <translation>{date} 签到表.pdf</translation>
        </message>
        <message>
            <source>Save the sign-in sheet</source>
            <translation>保存签到表</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Why is {name} on leave?</source>
            <translation>{name} 的请假事由：</translation>
        </message>
        <message>
            <source>Sign-in PIN</source>
            <translation>签到密码</translation>
        </message>
        <message>
            <source>A PIN of 4 to 6 digits, for phone sign-in (empty: remove the PIN):</source>
            <translation>手机签到密码（4至6位数字；留空则删除密码）：</translation>
        </message>
        <message>
            <source>Close the meeting? Who has not signed in and has no leave is marked absent, the meeting's attendance is filled in, and no more scans are taken.</source>
            <translation>结束会议吗？未签到且未请假的党员将记为缺勤，出勤情况写入会议记录，之后不再接受签到。</translation>
        </message>
        <message>
            <source>The meeting has not ended yet (it ends at {end}).</source>
            <translation>会议尚未结束（{end} 结束）。</translation>
        </message>
        <message>
            <source>Meeting closed</source>
            <translation>会议已结束</translation>
        </message>
        <message>
            <source>Take scans again for this meeting? The attendance written at closing stays until it is closed again.</source>
            <translation>重新开放本次会议的签到吗？结束会议时写入的出勤情况保留，直到再次结束会议。</translation>
        </message>
        <message>
            <source>{year} attendance.xlsx</source>
            <translation>{year}年出勤统计.xlsx</translation>
        </message>
        <message>
            <source>Export the attendance statistics</source>
            <translation>导出出勤统计</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>SigninSettingsDialog</name>
        <message>
            <source>Sign-in settings</source>
            <translation>签到设置</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Print the meeting's phone code on the sign-in sheet</source>
            <translation>在签到表上打印手机签到二维码</translation>
        </message>
        <message>
            <source>Sign-in opens before the start</source>
            <translation>会前开始签到</translation>
        </message>
        <message>
            <source>Sign-in closes after the start (late meanwhile)</source>
            <translation>开会后签到截止（期间签到记为迟到）</translation>
        </message>
        <message>
            <source>Sign-out opens before the end</source>
            <translation>会议结束前开始签退</translation>
        </message>
        <message>
            <source>Phone link valid after the end</source>
            <translation>手机签到链接在会后仍有效</translation>
        </message>
        <message>
            <source>Port of the phones' page</source>
            <translation>手机签到页面端口</translation>
        </message>
        <message>
            <source>Defaults: sign-in from 30 minutes before the start until 15 minutes after it; sign-out from 15 minutes before the end; port {port}. Sheets already printed carry the old port.</source>
            <translation>默认：会前30分钟开始签到，开会后15分钟截止；会议结束前15分钟开始签退；端口 {port}。已打印的签到表仍使用原来的端口。</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
    </context>
    <context>
        <name>SingleInstance</name>
        <message>
            <source>BranchDesk is already open on this data folder ({path}); its window has been brought to the front.</source>
            <translation>支部工作台已经打开了这个数据文件夹（{path}），已把它的窗口切换到最前面。</translation>
        </message>
        <message>
            <source>BranchDesk is already open on this data folder ({path}). Switch to its window.</source>
            <translation>支部工作台已经打开了这个数据文件夹（{path}）。请切换到它的窗口。</translation>
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
        <name>StatusDelegate</name>
        <message>
            <source>(not recorded)</source>
            <translation>（未记录）</translation>
        </message>
    </context>
    <context>
        <name>SyncSection</name>
        <message>
            <source>Sync with the superior organisation</source>
            <translation>与上级组织同步</translation>
        </message>
        <message>
            <source>e.g. K7QM-3XPA-9RTC-WD4E</source>
            <translation>例如 K7QM-3XPA-9RTC-WD4E</translation>
        </message>
        <message>
            <source>Enroll</source>
            <translation>登记</translation>
        </message>
        <message>
            <source>Sync now</source>
            <translation>立即同步</translation>
        </message>
        <message>
            <source>Send a summary now</source>
            <translation>立即报送汇总</translation>
        </message>
        <message>
            <source>A summary of this month so far, sent at once; the month stays open</source>
            <translation>生成本月截至目前的汇总并立即发送；本月不结账</translation>
        </message>
        <message>
            <source>Save for a USB stick…</source>
            <translation>导出到文件（U 盘报送）…</translation>
        </message>
        <message>
            <source>Write the waiting summaries to a file the superior organisation imports</source>
            <translation>把待发送的汇总写入文件，由上级组织导入</translation>
        </message>
        <message>
            <source>Close and send</source>
            <translation>月结并报送</translation>
        </message>
        <message>
            <source>The month's summary goes into the outbox and is sent; a month is closed once</source>
            <translation>生成该月汇总并发送；每个月只能月结一次</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <source>Enrollment code</source>
            <translation>登记码</translation>
        </message>
        <message>
            <source>Enrolled as</source>
            <translation>已登记为</translation>
        </message>
        <message>
            <source>State</source>
            <translation>同步状态</translation>
        </message>
        <message>
            <source>Month-end</source>
            <translation>月结</translation>
        </message>
        <message>
            <source>{name} ({code})</source>
            <translation>{name}（{code}）</translation>
        </message>
        <message>
            <source>Enroll again</source>
            <translation>重新登记</translation>
        </message>
        <message>
            <source>Not enrolled: ask the superior organisation for an enrollment code</source>
            <translation>尚未登记：请向上级组织索取登记码</translation>
        </message>
        <message>
            <source>last success {when}</source>
            <translation>上次成功 {when}</translation>
        </message>
        <message>
            <source>nothing sent yet</source>
            <translation>尚未发送过</translation>
        </message>
        <message>
            <source>{waiting} waiting, {sent} sent, {last}</source>
            <translation>待发送 {waiting} 个，已发送 {sent} 个，{last}</translation>
        </message>
        <message>
            <source>; {n} refused by the server (kept)</source>
            <translation>；服务器拒收 {n} 个（已保留）</translation>
        </message>
        <message>
            <source>; next try {when}</source>
            <translation>；下次尝试 {when}</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>同步</translation>
        </message>
        <message>
            <source>Enter the enrollment code from the superior organisation</source>
            <translation>请输入上级组织提供的登记码</translation>
        </message>
        <message>
            <source>Close the month</source>
            <translation>月结</translation>
        </message>
        <message>
            <source>Close {month}? Its summary (figures only: no names, ID numbers or phones) goes to the superior organisation. A month is closed once; later changes go up with next month's summary.</source>
            <translation>对 {month} 进行月结？该月汇总（只有统计数字，不含姓名、身份证号或电话）将报送上级组织。每个月只能月结一次，之后的改动随下个月的汇总报送。</translation>
        </message>
        <message>
            <source>summaries-{code}-{month}.json</source>
            <translation>支部汇总-{code}-{month}.json</translation>
        </message>
        <message>
            <source>Save the waiting summaries</source>
            <translation>保存待发送的汇总</translation>
        </message>
        <message>
            <source>Summary files (*.json)</source>
            <translation>汇总文件 (*.json)</translation>
        </message>
        <message>
            <source>{n} summaries saved to {file}. Take the file to the superior organisation; the summaries stay waiting here and are sent again when this PC reaches the server (the server keeps each once).</source>
            <translation>已把 {n} 个汇总保存到 {file}。请把文件交给上级组织；这些汇总仍在本机等待发送，联网后会再次发送（服务器每个汇总只保存一次）。</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message>
            <source>Sync: not enrolled</source>
            <translation>同步：尚未登记</translation>
        </message>
        <message>
            <source>{n} waiting</source>
            <translation>待发送 {n} 个</translation>
        </message>
        <message>
            <source>Sync: sending…</source>
            <translation>同步：正在发送…</translation>
        </message>
        <message>
            <source>Sync: last success {when}</source>
            <translation>同步：上次成功 {when}</translation>
        </message>
        <message>
            <source>Sync: not yet sent</source>
            <translation>同步：尚未发送</translation>
        </message>
        <message>
            <source>{n} refused by the server</source>
            <translation>服务器拒收 {n} 个</translation>
        </message>
        <message>
            <source>error: {message}</source>
            <translation>错误：{message}</translation>
        </message>
    </context>
    <context>
        <name>UnlockDialog</name>
        <message>
            <source>Unlock BranchDesk</source>
            <translation>解锁支部工作台</translation>
        </message>
        <message>
            <source>Forgot the password?</source>
            <translation>忘记密码？</translation>
        </message>
        <message>
            <source>Enter the password of this branch.</source>
            <translation>请输入本支部的密码。</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Type the recovery key printed when the password was chosen, then choose a new password.</source>
            <translation>请输入设置密码时打印的恢复密钥，然后设置新密码。</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Wait {n} s</source>
            <translation>请等 {n} 秒</translation>
        </message>
        <message>
            <source>Type the recovery key</source>
            <translation>请输入恢复密钥</translation>
        </message>
    </context>
    <context>
        <name>VoterStatusDialog</name>
        <message>
            <source>{name}: excluded from those due</source>
            <translation>{name}：不计入应到会人数</translation>
        </message>
        <message>
            <source>{name}: no vote</source>
            <translation>{name}：无表决权</translation>
        </message>
        <message>
            <source>Who approved it and when, e.g. the street Party working committee, 2026-11-10</source>
            <translation>由谁批准、何时批准，例如：街道党工委 2026-11-10</translation>
        </message>
        <message>
            <source>With the superior committee's approval, a member of these groups is not counted among those due.</source>
            <translation>属于下列情况之一的，经上级党组织同意，不计算在应到会人数之内。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Approval</source>
            <translation>批准情况</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>VotersModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Vote</source>
            <translation>表决权</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>Ballot</source>
            <translation>选票</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>有表决权</translation>
        </message>
        <message>
            <source>Not counted: {reason}</source>
            <translation>不计入：{reason}</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>已领取</translation>
        </message>
    </context>
    <context>
        <name>VotesPage</name>
        <message>
            <source>New vote</source>
            <translation>新建投票</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Choose a vote on the left, or set up a new one.</source>
            <translation>请在左侧选择一项投票，或新建投票。</translation>
        </message>
        <message>
            <source>Open the vote</source>
            <translation>开始投票</translation>
        </message>
        <message>
            <source>Check the quorum and start voting</source>
            <translation>核对到会人数并开始投票</translation>
        </message>
        <message>
            <source>Candidates…</source>
            <translation>候选人…</translation>
        </message>
        <message>
            <source>Print ballots…</source>
            <translation>打印选票…</translation>
        </message>
        <message>
            <source>Make code slips…</source>
            <translation>生成投票码…</translation>
        </message>
        <message>
            <source>Voting booth</source>
            <translation>投票机</translation>
        </message>
        <message>
            <source>This PC as a booth, full screen</source>
            <translation>本机全屏作为投票机</translation>
        </message>
        <message>
            <source>Voting by phone</source>
            <translation>手机投票</translation>
        </message>
        <message>
            <source>Count paper ballots</source>
            <translation>纸质选票计票</translation>
        </message>
        <message>
            <source>Written opinions…</source>
            <translation>书面意见…</translation>
        </message>
        <message>
            <source>Close the vote…</source>
            <translation>结束投票…</translation>
        </message>
        <message>
            <source>Tally sheet…</source>
            <translation>计票单…</translation>
        </message>
        <message>
            <source>Result report…</source>
            <translation>结果报告单…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>Next round…</source>
            <translation>下一轮…</translation>
        </message>
        <message>
            <source>A re-vote among the tied, or a further round for the vacancies</source>
            <translation>对得票相等者再次投票，或对差额名额另行选举</translation>
        </message>
        <message>
            <source>Names</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Scrutineers</source>
            <translation>监票人</translation>
        </message>
        <message>
            <source>Tellers</source>
            <translation>计票人</translation>
        </message>
        <message>
            <source>Roll and attendance</source>
            <translation>名单与出席</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>计票</translation>
        </message>
        <message>
            <source>All present</source>
            <translation>全部出席</translation>
        </message>
        <message>
            <source>Received a ballot</source>
            <translation>已领取选票</translation>
        </message>
        <message>
            <source>Record that the chosen members received a paper ballot or drew a code slip</source>
            <translation>记录所选党员已领取纸质选票或已抽取投票码纸条</translation>
        </message>
        <message>
            <source>No vote…</source>
            <translation>无表决权…</translation>
        </message>
        <message>
            <source>Not counted as due…</source>
            <translation>不计入应到会…</translation>
        </message>
        <message>
            <source>One of the five groups, with the superior committee's approval</source>
            <translation>属五种情况之一，经上级党组织同意</translation>
        </message>
        <message>
            <source>Votes again</source>
            <translation>恢复表决权</translation>
        </message>
        <message>
            <source>{title} (round {n})</source>
            <translation>{title}（第{n}轮）</translation>
        </message>
        <message>
            <source>{n} seats</source>
            <translation>应选 {n} 名</translation>
        </message>
        <message>
            <source>Meeting: {title}</source>
            <translation>会议：{title}</translation>
        </message>
        <message>
            <source>Due to attend with a vote: {due} (no vote: {no_vote}; not counted with approval: {excluded}) · present: {present} · ballots issued: {issued} · ballots in: {collected}</source>
            <translation>应到会有表决权：{due} 人（无表决权 {no_vote} 人；经批准不计入 {excluded} 人）· 实到：{present} 人 · 发出选票：{issued} 张 · 收回选票：{collected} 张</translation>
        </message>
        <message>
            <source>written opinions: {n}</source>
            <translation>书面意见：{n} 份</translation>
        </message>
        <message>
            <source>More ballots are in than were issued: the vote will be void</source>
            <translation>收回选票多于发出选票：本次投票将无效</translation>
        </message>
        <message>
            <source>The count appears here once voting has started.</source>
            <translation>开始投票后在此显示计票结果。</translation>
        </message>
        <message>
            <source>Delete the vote</source>
            <translation>删除投票</translation>
        </message>
        <message>
            <source>Delete “{title}”? It has not been opened.</source>
            <translation>删除“{title}”吗？该投票尚未开始。</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Print ballots</source>
            <translation>打印选票</translation>
        </message>
        <message>
            <source>How many ballots? (one for each member present; a few spare)</source>
            <translation>打印多少张选票？（每名到会党员一张，可略有富余）</translation>
        </message>
        <message>
            <source>Save the ballots</source>
            <translation>保存选票</translation>
        </message>
        <message>
            <source>ballots.pdf</source>
            <translation>选票.pdf</translation>
        </message>
        <message>
            <source>Make code slips</source>
            <translation>生成投票码</translation>
        </message>
        <message>
            <source>How many codes? (one for each member present; a few spare)</source>
            <translation>生成多少个投票码？（每名到会党员一个，可略有富余）</translation>
        </message>
        <message>
            <source>Save the code slips</source>
            <translation>保存投票码纸条</translation>
        </message>
        <message>
            <source>voting codes.pdf</source>
            <translation>投票码.pdf</translation>
        </message>
        <message>
            <source>Close the vote</source>
            <translation>结束投票</translation>
        </message>
        <message>
            <source>Close “{title}” and count it? No ballot can be added afterwards.</source>
            <translation>结束“{title}”并计票吗？结束后不能再投票。</translation>
        </message>
        <message>
            <source>Save the tally sheet and the result report in</source>
            <translation>计票单和结果报告单保存到</translation>
        </message>
        <message>
            <source>{title} tally sheet.pdf</source>
            <translation>{title}计票单.pdf</translation>
        </message>
        <message>
            <source>{title} result report.pdf</source>
            <translation>{title}结果报告单.pdf</translation>
        </message>
        <message>
            <source>Next round</source>
            <translation>下一轮</translation>
        </message>
        <message>
            <source>Every seat is filled: no further round is needed.</source>
            <translation>名额已全部选出，无需再进行选举。</translation>
        </message>
    </context>
    <context>
        <name>WrittenOpinionsDialog</name>
        <message>
            <source>Written opinions of absent members</source>
            <translation>未到会党员的书面意见</translation>
        </message>
        <message>
            <source>For</source>
            <translation>赞成</translation>
        </message>
        <message>
            <source>Against</source>
            <translation>反对</translation>
        </message>
        <message>
            <source>Abstain</source>
            <translation>弃权</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <source>Showed a member's full ID number</source>
            <translation>查看党员的完整身份证号</translation>
        </message>
        <message>
            <source>Showed a member's full phone number</source>
            <translation>查看党员的完整电话号码</translation>
        </message>
        <message>
            <source>Showed a member's full home address</source>
            <translation>查看党员的完整家庭住址</translation>
        </message>
        <message>
            <source>Exported the roster with full ID numbers, phones and addresses</source>
            <translation>导出含完整身份证号、电话和住址的花名册</translation>
        </message>
        <message>
            <source>Printed with full ID numbers, phones and addresses</source>
            <translation>打印含完整身份证号、电话和住址的材料</translation>
        </message>
        <message>
            <source>Undid a spreadsheet import</source>
            <translation>撤销表格导入</translation>
        </message>
        <message>
            <source>Restored a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Changed the password</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Set a new password with the recovery key</source>
            <translation>用恢复密钥设置新密码</translation>
        </message>
        <message>
            <source>Made a new recovery key</source>
            <translation>生成新的恢复密钥</translation>
        </message>
        <message>
            <source>member no. {id}</source>
            <translation>党员（编号 {id}）</translation>
        </message>
        <message>
            <source>import no. {id}</source>
            <translation>第 {id} 次导入</translation>
        </message>
        <message>
            <source>the roster</source>
            <translation>花名册</translation>
        </message>
        <message>
            <source>the branch</source>
            <translation>本支部</translation>
        </message>
        <message>
            <source>The audit log is intact: {n} entries.</source>
            <translation>审计日志完整，共 {n} 条。</translation>
        </message>
        <message>
            <source>The audit log has been tampered with: {problem}</source>
            <translation>审计日志已被篡改：{problem}</translation>
        </message>
        <message>
            <source>entry {n} has been deleted</source>
            <translation>第 {n} 条已被删除</translation>
        </message>
        <message>
            <source>entries {first} to {last} have been deleted</source>
            <translation>第 {first} 至 {last} 条已被删除</translation>
        </message>
        <message>
            <source>entry {n} has been changed (a value of the wrong kind)</source>
            <translation>第 {n} 条已被改动（有一项内容的类型不对）</translation>
        </message>
        <message>
            <source>entry {n} has been changed (its time is unreadable)</source>
            <translation>第 {n} 条已被改动（时间无法识别）</translation>
        </message>
        <message>
            <source>entry {n} has been changed or was not written by BranchDesk</source>
            <translation>第 {n} 条已被改动，或不是支部工作台写入的</translation>
        </message>
        <message>
            <source>entry {n} does not follow entry {m}: entries were replaced or reordered</source>
            <translation>第 {n} 条与第 {m} 条接不上：有记录被替换或调换了顺序</translation>
        </message>
        <message>
            <source>the record of the log's length has been deleted</source>
            <translation>记录日志条数的信息已被删除</translation>
        </message>
        <message>
            <source>the record of the log's length has been changed</source>
            <translation>记录日志条数的信息已被改动</translation>
        </message>
        <message>
            <source>the last {k} entries (from entry {n}) have been deleted</source>
            <translation>最后 {k} 条（从第 {n} 条起）已被删除</translation>
        </message>
        <message>
            <source>the record of the log's length does not match the log (an older copy was put back)</source>
            <translation>记录的日志条数与日志不符（可能放回了旧的副本）</translation>
        </message>
        <message>
            <source>the log ends at entry {n}, but a backup saw {k} entries</source>
            <translation>日志只到第 {n} 条，但备份时已有 {k} 条</translation>
        </message>
        <message>
            <source>entry {n} differs from the one a backup saw</source>
            <translation>第 {n} 条与备份时的不同</translation>
        </message>
        <message>
            <source>{n} members</source>
            <translation>{n} 名党员</translation>
        </message>
        <message>
            <source>member nos. {ids}</source>
            <translation>党员编号 {ids}</translation>
        </message>
        <message>
            <source>with former members</source>
            <translation>含已不在册的党员</translation>
        </message>
        <message>
            <source>{format} file</source>
            <translation>{format} 文件</translation>
        </message>
        <message>
            <source>system user {name}</source>
            <translation>系统用户 {name}</translation>
        </message>
        <message>
            <source>{n} removed</source>
            <translation>移除 {n} 名</translation>
        </message>
        <message>
            <source>{n} restored</source>
            <translation>恢复 {n} 名</translation>
        </message>
        <message>
            <source>from {backup}</source>
            <translation>备份 {backup}</translation>
        </message>
        <message>
            <source>undoing an earlier restore</source>
            <translation>撤销上一次恢复</translation>
        </message>
        <message>
            <source>, </source>
            <translation>，</translation>
        </message>
        <message>
            <source>It is shown in full only once the audit log has recorded that, and the log cannot be written just now ({error}). Try again in a moment.</source>
            <translation>须先记入审计日志才能完整显示，但现在无法写入日志（{error}）。请稍后再试。</translation>
        </message>
    </context>
    <context>
        <name>backup</name>
        <message>
            <source>{path} cannot be used as a backup: {reason}</source>
            <translation>{path} 不能用作备份：{reason}</translation>
        </message>
        <message>
            <source>the file does not exist</source>
            <translation>文件不存在</translation>
        </message>
        <message>
            <source>the file is damaged or is not a database ({error})</source>
            <translation>文件已损坏或不是数据库（{error}）</translation>
        </message>
        <message>
            <source>the file is damaged ({error})</source>
            <translation>文件已损坏（{error}）</translation>
        </message>
        <message>
            <source>it is not a BranchDesk database</source>
            <translation>它不是支部工作台的数据库</translation>
        </message>
        <message>
            <source>it was made by a newer version of BranchDesk; install that version to restore it</source>
            <translation>它是由更新的版本的支部工作台生成的；请安装该版本后再恢复</translation>
        </message>
        <message>
            <source>The backup could not be written to {folder}: the disk is full (or the USB stick was removed). Nothing was left half-written. Free some space there or choose another backup folder.</source>
            <translation>无法把备份写入 {folder}：磁盘已满（或U盘已拔出）。没有留下写了一半的文件。请腾出空间，或另选一个备份文件夹。</translation>
        </message>
        <message>
            <source>The backup could not be written to {folder}: {error}. Nothing was left half-written. Check that the folder exists and that you may write there, or choose another backup folder.</source>
            <translation>无法把备份写入 {folder}：{error}。没有留下写了一半的文件。请检查该文件夹是否存在、您是否有权写入，或另选一个备份文件夹。</translation>
        </message>
        <message>
            <source>The branch database {path} is damaged and cannot be backed up ({error}). Restore a backup instead; “branchdesk check” lists them.</source>
            <translation>支部数据库 {path} 已损坏，无法备份（{error}）。请改为恢复一个备份；“branchdesk check”会列出所有备份。</translation>
        </message>
        <message>
            <source>There is no branch database at {path} to back up.</source>
            <translation>{path} 处没有可备份的支部数据库。</translation>
        </message>
        <message>
            <source>The backup does not hold the same rows as the branch ({tables}); it was not kept. Try again; if it happens again, run “branchdesk check”.</source>
            <translation>备份中的记录与支部数据库不一致（{tables}），此备份未保留。请重试；如再次出现，请运行“branchdesk check”。</translation>
        </message>
        <message>
            <source>The second backup location {folder} is not there (is the USB stick plugged in?).</source>
            <translation>第二备份位置 {folder} 不存在（U盘插好了吗？）。</translation>
        </message>
        <message>
            <source>The branch database {path} is damaged ({problem}). Nothing has been changed. Restore the newest backup: in the window, or with “branchdesk restore FILE” (the backups are listed by “branchdesk check”).</source>
            <translation>支部数据库 {path} 已损坏（{problem}）。没有做任何改动。请恢复最新的备份：在程序窗口中操作，或运行“branchdesk restore 文件”（“branchdesk check”会列出所有备份）。</translation>
        </message>
        <message>
            <source>Choose a folder for the backups other than the data folder itself.</source>
            <translation>请为备份选择数据文件夹以外的另一个文件夹。</translation>
        </message>
        <message>
            <source>The branch database is damaged and was opened only to be looked at: nothing can be changed. Restore a backup (Settings → Backups).</source>
            <translation>支部数据库已损坏，现在只能查看，不能做任何改动。请恢复备份（设置 → 备份）。</translation>
        </message>
        <message>
            <source>These records lie in the damaged part of the database and cannot be read. Restore a backup (Settings → Backups).</source>
            <translation>这些记录位于数据库已损坏的部分，无法读取。请恢复备份（设置 → 备份）。</translation>
        </message>
    </context>
    <context>
        <name>ballot_page</name>
        <message>
            <source>Secret ballot</source>
            <translation>无记名投票</translation>
        </message>
        <message>
            <source>1. Type the code on the slip you drew (8 digits)</source>
            <translation>1. 输入您抽取的纸条上的投票码（8位数字）</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在核对…</translation>
        </message>
        <message>
            <source>2. Mark your ballot</source>
            <translation>2. 填写选票</translation>
        </message>
        <message>
            <source>Another person (optional)</source>
            <translation>另选他人（可不填）</translation>
        </message>
        <message>
            <source>Review my vote</source>
            <translation>检查我的选择</translation>
        </message>
        <message>
            <source>3. Check and send</source>
            <translation>3. 核对并提交</translation>
        </message>
        <message>
            <source>Send my vote</source>
            <translation>提交投票</translation>
        </message>
        <message>
            <source>Change it</source>
            <translation>返回修改</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>正在提交…</translation>
        </message>
        <message>
            <source>(left blank: abstain)</source>
            <translation>（未填：视为弃权）</translation>
        </message>
        <message>
            <source>(not rated)</source>
            <translation>（未评）</translation>
        </message>
        <message>
            <source>You marked more people in favour ({n}) than there are seats ({seats}): this ballot will be INVALID.</source>
            <translation>您赞成的人数（{n}）超过应选名额（{seats}）：此票将作为无效票。</translation>
        </message>
        <message>
            <source>Your vote has been recorded. Thank you.</source>
            <translation>您的投票已记录，谢谢！</translation>
        </message>
        <message>
            <source>This page no longer shows your choices.</source>
            <translation>本页面已不再显示您的选择。</translation>
        </message>
        <message>
            <source>Cannot reach the voting computer. Check that the phone is on the office Wi-Fi and try again.</source>
            <translation>无法连接投票电脑。请确认手机已连接办公室 Wi-Fi 后重试。</translation>
        </message>
        <message>
            <source>Type the 8 digits first</source>
            <translation>请先输入8位数字</translation>
        </message>
        <message>
            <source>Your vote is secret: the code on your slip is not linked to your name.</source>
            <translation>无记名投票：您纸条上的投票码与您的姓名没有任何关联。</translation>
        </message>
        <message>
            <source>Vote again with another slip</source>
            <translation>用另一张纸条投票</translation>
        </message>
        <message>
            <source>A re-vote among those tied: mark at most {seats} in favour; the most votes elect.</source>
            <translation>对得票相等者再次投票：最多赞成 {seats} 名，以得票多者当选。</translation>
        </message>
        <message>
            <source>{seats} to elect. For each candidate choose in favour, not in favour or abstain; beside a candidate you do not favour you may write in another person. More than {seats} in favour (write-ins included) makes the ballot invalid.</source>
            <translation>应选 {seats} 名。对每位候选人选择赞成、不赞成或弃权；对不赞成的候选人，可以另选他人。赞成（含另选他人）超过 {seats} 名的为无效票。</translation>
        </message>
        <message>
            <source>Choose for, against or abstain.</source>
            <translation>请选择赞成、反对或弃权。</translation>
        </message>
        <message>
            <source>Rate each member: excellent, competent, basically competent or incompetent. Excellent is generally for no more than a third of the members.</source>
            <translation>对每名党员评定优秀、合格、基本合格或不合格。评为优秀的一般不超过党员总数的三分之一。</translation>
        </message>
        <message>
            <source>Voting by phone is not open. Ask the secretary.</source>
            <translation>手机投票尚未开始或已经结束。请询问支部书记。</translation>
        </message>
        <message>
            <source>Too many attempts. Wait a few minutes, then try again.</source>
            <translation>尝试次数过多，请稍等几分钟后再试。</translation>
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
            <source>Unknown dues category “{category}”; use one of: {choices}</source>
            <translation>未知的党费类别“{category}”；请使用以下之一：{choices}</translation>
        </message>
        <message>
            <source>Reduced and exempt dues are what the superior committee approved; record the approval in the program</source>
            <translation>少交、免交党费的金额由上级党委批准；请在程序中记录批准情况</translation>
        </message>
        <message>
            <source>The category {category} needs --base (the monthly base in yuan)</source>
            <translation>类别 {category} 需要 --base（月缴费基数，单位：元）</translation>
        </message>
        <message>
            <source>{category}, base {base} yuan: {rate}% — {amount} yuan a month</source>
            <translation>{category}，基数 {base} 元：按 {rate}% 交纳，每月 {amount} 元</translation>
        </message>
        <message>
            <source>{category}: a fixed {amount} yuan a month</source>
            <translation>{category}：每月固定交纳 {amount} 元</translation>
        </message>
        <message>
            <source>The year must be between 2000 and 2100</source>
            <translation>年份须在 2000 至 2100 之间</translation>
        </message>
        <message>
            <source>Exported the {year} dues ledger of {n} members to {file}</source>
            <translation>已将 {year} 年党费台账（{n} 名党员）导出到 {file}</translation>
        </message>
        <message>
            <source>{option} “{text}” is not a date and time; write it like 2026-11-03T14:30</source>
            <translation>{option} “{text}”不是日期时间，请写成 2026-11-03T14:30 这样</translation>
        </message>
        <message>
            <source>Unknown meeting type “{type}”; use one of: {choices}</source>
            <translation>没有“{type}”这种会议类型，请使用以下之一：{choices}</translation>
        </message>
        <message>
            <source>There is no party group “{group}”</source>
            <translation>没有名为“{group}”的党小组</translation>
        </message>
        <message>
            <source>Recorded meeting {id}: {title}</source>
            <translation>已记录会议 {id}：{title}</translation>
        </message>
        <message>
            <source>The minutes are written as a PDF; choose a name ending in .pdf</source>
            <translation>会议记录导出为 PDF 文件，请使用以 .pdf 结尾的文件名</translation>
        </message>
        <message>
            <source>Wrote the minutes of meeting {id} to {file} ({pages} pages)</source>
            <translation>已将会议 {id} 的会议记录写入 {file}（共 {pages} 页）</translation>
        </message>
        <message>
            <source>the branch's data folder (default: BRANCHDESK_DATA or the user data folder)</source>
            <translation>支部数据文件夹（默认：环境变量 BRANCHDESK_DATA 或用户数据文件夹）</translation>
        </message>
        <message>
            <source>print machine-readable JSON</source>
            <translation>输出机器可读的 JSON</translation>
        </message>
        <message>
            <source>BranchDesk: the Party branch secretary's desk</source>
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
            <source>Party dues</source>
            <translation>党费</translation>
        </message>
        <message>
            <source>the monthly dues for a category and base</source>
            <translation>按类别和基数计算每月应交党费</translation>
        </message>
        <message>
            <source>in_service, annual_salary, self_employed, retired, farmer, student, unemployed or relief</source>
            <translation>in_service（在职）、annual_salary（年薪制）、self_employed（个体经营）、retired（离退休）、farmer（农民）、student（学生）、unemployed（下岗失业）或 relief（低保）</translation>
        </message>
        <message>
            <source>the monthly base in yuan (ignored by fixed-amount categories)</source>
            <translation>月缴费基数，单位：元（固定金额的类别不需要）</translation>
        </message>
        <message>
            <source>export a year's dues ledger as .xlsx</source>
            <translation>将某一年的党费台账导出为 .xlsx</translation>
        </message>
        <message>
            <source>meetings and their minutes</source>
            <translation>会议及会议记录</translation>
        </message>
        <message>
            <source>record a meeting</source>
            <translation>记录一次会议</translation>
        </message>
        <message>
            <source>branch_assembly, committee, group, lecture, theme_day, org_life, appraisal or talk</source>
            <translation>branch_assembly（支部党员大会）、committee（支委会）、group（党小组会）、lecture（党课）、theme_day（主题党日）、org_life（组织生活会）、appraisal（民主评议党员）或 talk（谈心谈话）</translation>
        </message>
        <message>
            <source>the topic</source>
            <translation>会议主题</translation>
        </message>
        <message>
            <source>when it starts, e.g. 2026-11-03T14:30</source>
            <translation>开始时间，如 2026-11-03T14:30</translation>
        </message>
        <message>
            <source>when it ends, e.g. 2026-11-03T16:00</source>
            <translation>结束时间，如 2026-11-03T16:00</translation>
        </message>
        <message>
            <source>the party group (for a party group meeting)</source>
            <translation>党小组名称（党小组会用）</translation>
        </message>
        <message>
            <source>the two members who talked (for a talk)</source>
            <translation>谈话双方的党员编号（谈心谈话用）</translation>
        </message>
        <message>
            <source>list the meetings, newest first</source>
            <translation>列出会议（最近的在前）</translation>
        </message>
        <message>
            <source>write a meeting's minutes as a PDF</source>
            <translation>将会议记录导出为 PDF</translation>
        </message>
        <message>
            <source>BranchDesk hit a bug: {error}. The details are in the log file in the data folder's logs/ folder.</source>
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
        <message>
            <source>The sheet is written as a PDF; choose a name ending in .pdf</source>
            <translation>签到表以PDF格式保存，请使用以 .pdf 结尾的文件名</translation>
        </message>
        <message>
            <source>Wrote the sign-in sheet of meeting {id} ({n} members, {pages} pages) to {file}</source>
            <translation>已将会议 {id} 的签到表（{n} 人，{pages} 页）写入 {file}</translation>
        </message>
        <message>
            <source>Wrote {n} sign-in cards ({pages} pages) to {file}</source>
            <translation>已将 {n} 张签到卡（{pages} 页）写入 {file}</translation>
        </message>
        <message>
            <source>Refused: {reason}</source>
            <translation>未通过：{reason}</translation>
        </message>
        <message>
            <source>Recorded.</source>
            <translation>已记录。</translation>
        </message>
        <message>
            <source>Leave cancelled.</source>
            <translation>已取消请假。</translation>
        </message>
        <message>
            <source>The statistics are written as .xlsx; choose a name ending in .xlsx</source>
            <translation>出勤统计以 .xlsx 格式保存，请使用以 .xlsx 结尾的文件名</translation>
        </message>
        <message>
            <source>Wrote the attendance of {meetings} meetings and {members} members to {file}</source>
            <translation>已将 {meetings} 次会议、{members} 名党员的出勤情况写入 {file}</translation>
        </message>
        <message>
            <source>Meeting {id} closed: present {present}, late {late}, on leave {leave}, absent {absent}</source>
            <translation>会议 {id} 已结束：按时出席 {present} 人，迟到 {late} 人，请假 {leave} 人，缺勤 {absent} 人</translation>
        </message>
        <message>
            <source>sign-in: sheets, cards, scans</source>
            <translation>签到：签到表、签到卡、扫码</translation>
        </message>
        <message>
            <source>write a meeting's sign-in sheet as a PDF</source>
            <translation>将会议签到表写成PDF</translation>
        </message>
        <message>
            <source>write the members' sign-in cards as a PDF</source>
            <translation>将党员签到卡写成PDF</translation>
        </message>
        <message>
            <source>only this party group's members</source>
            <translation>只含该党小组的党员</translation>
        </message>
        <message>
            <source>record a scanned code as the kiosk does</source>
            <translation>像签到屏一样记录一次扫码</translation>
        </message>
        <message>
            <source>when it was scanned (default: now)</source>
            <translation>扫码时间（默认：现在）</translation>
        </message>
        <message>
            <source>record (or cancel) a member's leave for a meeting</source>
            <translation>记录（或取消）党员某次会议的请假</translation>
        </message>
        <message>
            <source>export attendance per meeting and per member as .xlsx</source>
            <translation>按会议和按党员导出出勤统计（.xlsx）</translation>
        </message>
        <message>
            <source>only this year's meetings</source>
            <translation>只统计该年的会议</translation>
        </message>
        <message>
            <source>close a meeting: mark who did not sign in as absent</source>
            <translation>结束会议：未签到者记为缺勤</translation>
        </message>
        <message>
            <source>Sent {sent} summaries; {pending} waiting</source>
            <translation>已发送 {sent} 个汇总，{pending} 个待发送</translation>
        </message>
        <message>
            <source>{n} new notices from the superior organisation</source>
            <translation>收到上级组织的 {n} 条新通知</translation>
        </message>
        <message>
            <source>Enrolled as {name} ({code}) with {server}</source>
            <translation>已作为 {name}（{code}）登记到 {server}</translation>
        </message>
        <message>
            <source>Closed {month}; its summary (no. {seq}) waits to be sent</source>
            <translation>{month} 已月结，汇总（第 {seq} 号）等待发送</translation>
        </message>
        <message>
            <source>Made a summary of {month} so far (no. {seq}); sent {sent}, {pending} waiting</source>
            <translation>已生成 {month} 截至目前的汇总（第 {seq} 号）；已发送 {sent} 个，{pending} 个待发送</translation>
        </message>
        <message>
            <source>The folder {path} does not exist</source>
            <translation>文件夹 {path} 不存在</translation>
        </message>
        <message>
            <source>Wrote {n} waiting summaries to {file}; take it to the superior organisation (branchdesk-server import)</source>
            <translation>已把 {n} 个待发送的汇总写入 {file}；请交给上级组织导入（branchdesk-server import）</translation>
        </message>
        <message>
            <source>Not enrolled with a server; {waiting} summaries waiting</source>
            <translation>尚未登记到中心服务器；{waiting} 个汇总待发送</translation>
        </message>
        <message>
            <source>{name} ({code}) at {server}: {waiting} waiting, {sent} sent, last success {when}</source>
            <translation>{name}（{code}）@ {server}：{waiting} 个待发送，已发送 {sent} 个，上次成功 {when}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>Last error: {message}</source>
            <translation>上次错误：{message}</translation>
        </message>
        <message>
            <source>send summaries to the central server, fetch its notices</source>
            <translation>向中心服务器发送汇总，接收通知</translation>
        </message>
        <message>
            <source>the server's address, if it has moved</source>
            <translation>服务器地址（服务器迁移时填写）</translation>
        </message>
        <message>
            <source>enroll this branch with the server</source>
            <translation>把本支部登记到中心服务器</translation>
        </message>
        <message>
            <source>the one-time code from the superior organisation</source>
            <translation>上级组织提供的一次性登记码</translation>
        </message>
        <message>
            <source>close a month: its summary goes into the outbox</source>
            <translation>月结：生成该月汇总，放入待发送列表</translation>
        </message>
        <message>
            <source>make a summary of this month so far and send it</source>
            <translation>生成本月截至目前的汇总并发送</translation>
        </message>
        <message>
            <source>write the waiting summaries to a file (USB)</source>
            <translation>把待发送的汇总写入文件（用 U 盘报送）</translation>
        </message>
        <message>
            <source>show the sync state</source>
            <translation>显示同步状态</translation>
        </message>
        <message>
            <source>Cannot read {file}: {error}</source>
            <translation>无法读取 {file}：{error}</translation>
        </message>
        <message>
            <source>{file} is not UTF-8 text</source>
            <translation>{file} 不是 UTF-8 编码的文本</translation>
        </message>
        <message>
            <source>{file} is not valid JSON (line {line}, column {column}: {error})</source>
            <translation>{file} 不是有效的 JSON（第 {line} 行第 {column} 列：{error}）</translation>
        </message>
        <message>
            <source>{file} is not a recount file: {problem}</source>
            <translation>{file} 不是计票文件：{problem}</translation>
        </message>
        <message>
            <source>secret-ballot votes</source>
            <translation>无记名投票</translation>
        </message>
        <message>
            <source>count the ballots of a recount file (SPEC.json) by the rules</source>
            <translation>按规定对计票文件（SPEC.json）中的选票计票</translation>
        </message>
        <message>
            <source>Backed up to {file} ({size}, checked)</source>
            <translation>已备份到 {file}（{size}，已校验）</translation>
        </message>
        <message>
            <source>{n} older backups removed (7 daily, 4 weekly and 12 monthly are kept)</source>
            <translation>已删除 {n} 个较早的备份（保留最近 7 天、4 周、12 个月各一份）</translation>
        </message>
        <message>
            <source>Copied to the second location: {file}</source>
            <translation>已复制到第二备份位置：{file}</translation>
        </message>
        <message>
            <source>Warning: {message}</source>
            <translation>警告：{message}</translation>
        </message>
        <message>
            <source>No backups yet in {folder}</source>
            <translation>{folder} 中还没有备份</translation>
        </message>
        <message>
            <source>BranchDesk is open on this data folder; close its window first, then restore.</source>
            <translation>支部工作台正在使用这个数据文件夹；请先关闭程序窗口，再进行恢复。</translation>
        </message>
        <message>
            <source>Restoring replaces the branch's records with those of the backup; add --yes to confirm</source>
            <translation>恢复会用备份中的记录替换支部现有的记录；请加上 --yes 确认</translation>
        </message>
        <message>
            <source>The records of “{branch}” in {folder} will be replaced by the backup {file} (the current ones are kept aside).</source>
            <translation>{folder} 中“{branch}”的记录将被备份 {file} 替换（现有记录会另存一份）。</translation>
        </message>
        <message>
            <source>Restore? [y/N] </source>
            <translation>确定恢复吗？[y/N] </translation>
        </message>
        <message>
            <source>Nothing was changed</source>
            <translation>没有做任何改动</translation>
        </message>
        <message>
            <source>Restored from {file}.</source>
            <translation>已从 {file} 恢复。</translation>
        </message>
        <message>
            <source>The records as they were are kept in {file}; “branchdesk restore {file}” undoes this restore.</source>
            <translation>恢复前的记录保存在 {file}；运行“branchdesk restore {file}”可撤销这次恢复。</translation>
        </message>
        <message>
            <source>The next start asks for the password the branch had when the backup was made.</source>
            <translation>下次启动时，请输入备份当天支部使用的密码。</translation>
        </message>
        <message>
            <source>There is no branch database in {folder} yet</source>
            <translation>{folder} 中还没有支部数据库</translation>
        </message>
        <message>
            <source>The branch database {file} is whole (integrity and foreign keys checked)</source>
            <translation>支部数据库 {file} 完好（已检查完整性和外键）</translation>
        </message>
        <message>
            <source>The branch database {file} is damaged:</source>
            <translation>支部数据库 {file} 已损坏：</translation>
        </message>
        <message>
            <source>Restore the newest backup with: branchdesk restore "{file}"</source>
            <translation>请用以下命令恢复最新的备份：branchdesk restore "{file}"</translation>
        </message>
        <message>
            <source>There is no backup in {folder}; ask your IT staff for help before changing anything.</source>
            <translation>{folder} 中没有备份；在做任何改动之前，请先向信息技术人员求助。</translation>
        </message>
        <message>
            <source>make a checked backup of the branch now</source>
            <translation>立即为支部做一份经过校验的备份</translation>
        </message>
        <message>
            <source>the folder to write it to (default: the backup folder set in the program)</source>
            <translation>备份写入的文件夹（默认：程序中设置的备份文件夹）</translation>
        </message>
        <message>
            <source>list the backups, newest first</source>
            <translation>列出备份，最新的在前</translation>
        </message>
        <message>
            <source>replace the branch's records with a backup</source>
            <translation>用一份备份替换支部的记录</translation>
        </message>
        <message>
            <source>do not ask for confirmation</source>
            <translation>不再询问确认</translation>
        </message>
        <message>
            <source>check the branch database for damage</source>
            <translation>检查支部数据库是否损坏</translation>
        </message>
        <message>
            <source>This branch is protected by a password and there is no terminal to ask for it: set the environment variable BRANCHDESK_PASSWORD to the password</source>
            <translation>本支部的数据受密码保护，但当前没有可以输入密码的终端：请把环境变量 BRANCHDESK_PASSWORD 设为密码</translation>
        </message>
        <message>
            <source>A password must be chosen for this branch, but there is no terminal to ask for one: set the environment variable BRANCHDESK_PASSWORD to the password you choose (at least 8 characters)</source>
            <translation>本支部需要先设定密码，但当前没有可以输入密码的终端：请把环境变量 BRANCHDESK_PASSWORD 设为您选定的密码（至少 8 个字符）</translation>
        </message>
        <message>
            <source>Type it again: </source>
            <translation>再输入一次：</translation>
        </message>
        <message>
            <source>The two passwords differ; try again</source>
            <translation>两次输入的密码不一致，请重新输入</translation>
        </message>
        <message>
            <source>Choose a password for this branch (at least 8 characters). Personal data is encrypted with it; without it or the recovery key nobody can read it.</source>
            <translation>请为本支部设置密码（至少 8 个字符）。个人信息用它加密；没有密码或恢复密钥，任何人都无法读取。</translation>
        </message>
        <message>
            <source>New password: </source>
            <translation>新密码：</translation>
        </message>
        <message>
            <source>The password in BRANCHDESK_PASSWORD does not open this branch</source>
            <translation>环境变量 BRANCHDESK_PASSWORD 中的密码打不开本支部的数据</translation>
        </message>
        <message>
            <source>Too many wrong tries: wait {n} seconds</source>
            <translation>输错次数太多：请等待 {n} 秒</translation>
        </message>
        <message>
            <source>Password: </source>
            <translation>密码：</translation>
        </message>
        <message>
            <source>The recovery key of this branch — write it down or print it and keep it locked away; with it a new password can be set if the password is forgotten. It is shown only now:</source>
            <translation>本支部的恢复密钥——请抄下或打印后锁好保管；忘记密码时可以用它设置新密码。它只显示这一次：</translation>
        </message>
        <message>
            <source>Current password: </source>
            <translation>当前密码：</translation>
        </message>
        <message>
            <source>Set the new password in the environment variable BRANCHDESK_NEW_PASSWORD</source>
            <translation>请在环境变量 BRANCHDESK_NEW_PASSWORD 中设置新密码</translation>
        </message>
        <message>
            <source>The password was changed</source>
            <translation>密码已更改</translation>
        </message>
        <message>
            <source>A new recovery key was made; the old one no longer works</source>
            <translation>已生成新的恢复密钥，旧的恢复密钥从此失效</translation>
        </message>
        <message>
            <source>Set the environment variables BRANCHDESK_RECOVERY_KEY and BRANCHDESK_NEW_PASSWORD</source>
            <translation>请设置环境变量 BRANCHDESK_RECOVERY_KEY 和 BRANCHDESK_NEW_PASSWORD</translation>
        </message>
        <message>
            <source>Recovery key: </source>
            <translation>恢复密钥：</translation>
        </message>
        <message>
            <source>A new password was set with the recovery key</source>
            <translation>已用恢复密钥设置了新密码</translation>
        </message>
        <message>
            <source>the branch's password</source>
            <translation>支部的密码</translation>
        </message>
        <message>
            <source>choose a new password</source>
            <translation>设置新密码</translation>
        </message>
        <message>
            <source>set a new password with the recovery key</source>
            <translation>用恢复密钥设置新密码</translation>
        </message>
        <message>
            <source>make a new recovery key in place of a lost one (the old one stops working)</source>
            <translation>生成新的恢复密钥，代替丢失的旧密钥（旧密钥随即失效）</translation>
        </message>
        <message>
            <source>the audit log of reveals and exports of personal data</source>
            <translation>审计日志：查看和导出个人信息的记录</translation>
        </message>
        <message>
            <source>check that no entry of the audit log was changed or removed</source>
            <translation>检查审计日志有没有记录被改动或删除</translation>
        </message>
        <message>
            <source>list the audit log, newest first</source>
            <translation>列出审计日志，最新的在前</translation>
        </message>
    </context>
    <context>
        <name>crypto</name>
        <message>
            <source>A piece of personal data in the database is not encrypted: the file was changed outside BranchDesk. Restore a backup.</source>
            <translation>数据库中有一项个人信息没有加密：文件曾在支部工作台之外被改动。请恢复备份。</translation>
        </message>
        <message>
            <source>A piece of personal data in the database fails its check: the file was changed outside BranchDesk or is damaged. Restore a backup.</source>
            <translation>数据库中有一项个人信息未通过校验：文件曾在支部工作台之外被改动或已损坏。请恢复备份。</translation>
        </message>
        <message>
            <source>The branch's secret key in the database is not encrypted: the file was changed outside BranchDesk. Restore a backup.</source>
            <translation>数据库中的支部密钥没有加密：文件曾在支部工作台之外被改动。请恢复备份。</translation>
        </message>
        <message>
            <source>The branch's secret key in the database fails its check: the file was changed outside BranchDesk or is damaged. Restore a backup.</source>
            <translation>数据库中的支部密钥未通过校验：文件曾在支部工作台之外被改动或已损坏。请恢复备份。</translation>
        </message>
        <message>
            <source>The branch is locked: enter the password first</source>
            <translation>支部数据已锁定：请先输入密码</translation>
        </message>
        <message>
            <source>The recovery key is wrong. Type the 32 characters as printed; dashes and spaces do not matter.</source>
            <translation>恢复密钥不对。请按打印的内容输入 32 个字符，短横线和空格可有可无。</translation>
        </message>
        <message>
            <source>The password is wrong. Check the keyboard's language and Caps Lock, then try again.</source>
            <translation>密码不对。请检查键盘的输入法和大写锁定，然后再试。</translation>
        </message>
        <message>
            <source>The password needs at least {n} characters</source>
            <translation>密码至少需要 {n} 个字符</translation>
        </message>
        <message>
            <source>The password repeats too few different characters</source>
            <translation>密码中不同的字符太少</translation>
        </message>
        <message>
            <source>This branch needs a password: set the environment variable BRANCHDESK_PASSWORD, or start the program with its window</source>
            <translation>本支部需要设置密码：请设置环境变量 BRANCHDESK_PASSWORD，或以窗口方式启动程序</translation>
        </message>
        <message>
            <source>The password in BRANCHDESK_PASSWORD does not open this branch</source>
            <translation>环境变量 BRANCHDESK_PASSWORD 中的密码打不开本支部的数据</translation>
        </message>
        <message>
            <source>The branch is locked: set the environment variable BRANCHDESK_PASSWORD to its password</source>
            <translation>支部数据已锁定：请把环境变量 BRANCHDESK_PASSWORD 设为本支部的密码</translation>
        </message>
        <message>
            <source>This branch has no recovery key</source>
            <translation>本支部没有恢复密钥</translation>
        </message>
        <message>
            <source>This branch has no password; use the recovery key</source>
            <translation>本支部没有设置密码，请使用恢复密钥</translation>
        </message>
        <message>
            <source>The current password is wrong</source>
            <translation>当前密码不对</translation>
        </message>
        <message>
            <source>This branch has no password, so it has no recovery key to replace</source>
            <translation>本支部没有设置密码，因此也没有可以更换的恢复密钥</translation>
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
            <source>Retired members' group</source>
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
            <source>Working in Xi'an</source>
            <translation>在西安务工</translation>
        </message>
        <message>
            <source>Moved to another unit</source>
            <translation>调往其他单位</translation>
        </message>
        <message>
            <source>Spouse (paid on the member's behalf)</source>
            <translation>配偶代缴</translation>
        </message>
        <message>
            <source>Prepaid before a long trip</source>
            <translation>外出前预交</translation>
        </message>
        <message>
            <source>Voluntary extra on 1 July</source>
            <translation>七一自愿多交</translation>
        </message>
        <message>
            <source>Entered for the wrong month; entered again</source>
            <translation>月份录错，已重新录入</translation>
        </message>
        <message>
            <source>Entered again after the reversal</source>
            <translation>冲正后重新录入</translation>
        </message>
        <message>
            <source>Pay rise</source>
            <translation>工资调整</translation>
        </message>
        <message>
            <source>Street Party Working Committee</source>
            <translation>街道党工委</translation>
        </message>
        <message>
            <source>Dues of the quarter</source>
            <translation>本季度党费</translation>
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
        <message>
            <source>To the fen, half up</source>
            <translation>精确到分，四舍五入</translation>
        </message>
        <message>
            <source>Up to whole yuan</source>
            <translation>向上取整到元</translation>
        </message>
        <message>
            <source>Personal income tax</source>
            <translation>个人所得税</translation>
        </message>
        <message>
            <source>Pension insurance (own share)</source>
            <translation>养老保险（个人缴纳部分）</translation>
        </message>
        <message>
            <source>Medical insurance (own share)</source>
            <translation>医疗保险（个人缴纳部分）</translation>
        </message>
        <message>
            <source>Unemployment insurance (own share)</source>
            <translation>失业保险（个人缴纳部分）</translation>
        </message>
        <message>
            <source>Housing fund (own share)</source>
            <translation>住房公积金（个人缴纳部分）</translation>
        </message>
        <message>
            <source>The farmers' monthly amount must be between {low} and {high} yuan</source>
            <translation>农民党员每月交纳额须在 {low} 元至 {high} 元之间</translation>
        </message>
        <message>
            <source>This category needs the monthly base (月工资收入)</source>
            <translation>该类别需要填写月缴费基数（月工资收入）</translation>
        </message>
        <message>
            <source>The base is not an amount of money</source>
            <translation>缴费基数不是有效的金额</translation>
        </message>
        <message>
            <source>The base cannot be negative</source>
            <translation>缴费基数不能为负数</translation>
        </message>
        <message>
            <source>The base has fractions of a fen; give it in yuan with at most two decimals</source>
            <translation>缴费基数不能有不足一分的部分；请以元为单位，最多保留两位小数</translation>
        </message>
        <message>
            <source>Reduced or exempt dues need the approving body and the date of approval</source>
            <translation>少交或免交党费须填写批准机关和批准日期</translation>
        </message>
        <message>
            <source>The approved amount is not an amount of money</source>
            <translation>批准的交纳额不是有效的金额</translation>
        </message>
        <message>
            <source>“{text}” is not an amount of money</source>
            <translation>“{text}”不是有效的金额</translation>
        </message>
        <message>
            <source>No wage is given</source>
            <translation>没有工资数额</translation>
        </message>
        <message>
            <source>The deductions are larger than the wage</source>
            <translation>扣除项目大于工资收入</translation>
        </message>
        <message>
            <source>{year}-{month:02d}</source>
            <translation>{year}年{month}月</translation>
        </message>
        <message>
            <source>Unpaid 3 months or more</source>
            <translation>连续3个月以上未交党费</translation>
        </message>
        <message>
            <source>Unpaid 6 months or more: regarded as having left the Party unless there is proper reason; for the branch meeting to decide</source>
            <translation>连续6个月以上未交党费：没有正当理由的视为自行脱党，由支部党员大会讨论决定</translation>
        </message>
        <message>
            <source>Choose at least one month to pay for</source>
            <translation>请至少选择一个月份</translation>
        </message>
        <message>
            <source>Back-payment covers at most {n} months before the month of payment: {month} is too early. Older arrears are for the branch to settle with the member.</source>
            <translation>补交党费最多补交缴费当月之前 {n} 个月：{month} 已超出。更早的欠缴由支部与该党员另行处理。</translation>
        </message>
        <message>
            <source>Prepayment covers at most {n} months after the month of payment: {month} is too far ahead</source>
            <translation>预交党费最多预交缴费当月之后 {n} 个月：{month} 已超出</translation>
        </message>
    </context>
    <context>
        <name>dues_files</name>
        <message>
            <source>Exempt (approved)</source>
            <translation>免交（已批准）</translation>
        </message>
        <message>
            <source>Reduced (approved)</source>
            <translation>少交（已批准）</translation>
        </message>
        <message>
            <source>Fixed amount</source>
            <translation>固定金额</translation>
        </message>
        <message>
            <source>{n} months unpaid in a row: regarded as having left the Party unless there is proper reason (branch meeting to decide)</source>
            <translation>已连续 {n} 个月未交：没有正当理由的视为自行脱党（由支部党员大会讨论决定）</translation>
        </message>
        <message>
            <source>{n} months unpaid in a row</source>
            <translation>已连续 {n} 个月未交</translation>
        </message>
        <message>
            <source>{amount} yuan still due on prepaid months after the base rose</source>
            <translation>预交后基数提高，尚需补交差额 {amount} 元</translation>
        </message>
        <message>
            <source>Approved by {body} on {date}</source>
            <translation>{body} 于 {date} 批准</translation>
        </message>
        <message>
            <source>Base changed during the year</source>
            <translation>年内基数有调整</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
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
            <source>Monthly wage income</source>
            <translation>月工资收入</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>执行标准</translation>
        </message>
        <message>
            <source>Monthly dues</source>
            <translation>月应缴</translation>
        </message>
        <message>
            <source>Month {n}</source>
            <translation>{n}月</translation>
        </message>
        <message>
            <source>Due for the year</source>
            <translation>全年应缴</translation>
        </message>
        <message>
            <source>Paid for the year</source>
            <translation>全年实缴</translation>
        </message>
        <message>
            <source>Months unpaid</source>
            <translation>欠缴月数</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>The ledger is exported as an .xlsx file; choose a name ending in .xlsx</source>
            <translation>台账导出为 .xlsx 文件；请选择以 .xlsx 结尾的文件名</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Months</source>
            <translation>所缴月份</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>缴纳方式</translation>
        </message>
        <message>
            <source>Receipt no.</source>
            <translation>收据号</translation>
        </message>
        <message>
            <source>Paid by</source>
            <translation>代缴人</translation>
        </message>
        <message>
            <source>Reverses entry {id}: {reason}</source>
            <translation>冲正第 {id} 笔：{reason}</translation>
        </message>
        <message>
            <source>Voluntary extra</source>
            <translation>自愿多交</translation>
        </message>
        <message>
            <source>Handed to</source>
            <translation>上缴单位</translation>
        </message>
        <message>
            <source>Held at the start of the year</source>
            <translation>年初结存</translation>
        </message>
        <message>
            <source>Received in the year</source>
            <translation>本年收缴</translation>
        </message>
        <message>
            <source>Handed up in the year</source>
            <translation>本年上缴</translation>
        </message>
        <message>
            <source>Held at the end of the year</source>
            <translation>年末结存</translation>
        </message>
        <message>
            <source>Ledger</source>
            <translation>台账</translation>
        </message>
        <message>
            <source>{branch}: Party dues ledger {year} (as of {date})</source>
            <translation>{branch} {year}年党费收缴台账（截至 {date}）</translation>
        </message>
        <message>
            <source>Payments</source>
            <translation>缴费明细</translation>
        </message>
        <message>
            <source>{branch}: dues received in {year}</source>
            <translation>{branch} {year}年党费收缴明细</translation>
        </message>
        <message>
            <source>Remittances</source>
            <translation>上缴记录</translation>
        </message>
        <message>
            <source>{branch}: dues handed up in {year}</source>
            <translation>{branch} {year}年党费上缴记录</translation>
        </message>
        <message>
            <source>{n} months unpaid</source>
            <translation>欠缴 {n} 个月</translation>
        </message>
        <message>
            <source>{amount} yuan still due</source>
            <translation>尚欠差额 {amount} 元</translation>
        </message>
        <message>
            <source>No wage column found in “{name}”: the header row needs one of 缴费基数, 税后工资, 月工资 or 养老金</source>
            <translation>在“{name}”中没有找到工资列：表头须包含 缴费基数、税后工资、月工资 或 养老金 之一</translation>
        </message>
        <message>
            <source>No member on the roll has this ID number</source>
            <translation>花名册上没有该身份证号码的在册党员</translation>
        </message>
        <message>
            <source>No member on the roll has this name</source>
            <translation>花名册上没有该姓名的在册党员</translation>
        </message>
        <message>
            <source>Several members have this name: add a column with the ID numbers</source>
            <translation>有多名党员同名：请在表中加上身份证号码列</translation>
        </message>
        <message>
            <source>The same member as row {row}</source>
            <translation>与第 {row} 行是同一名党员</translation>
        </message>
        <message>
            <source>No dues category on the roster: taken as {category}</source>
            <translation>花名册上未设党费类别：按“{category}”计算</translation>
        </message>
        <message>
            <source>{category}: the amount does not depend on the wage</source>
            <translation>{category}：交纳额与工资无关</translation>
        </message>
        <message>
            <source>No column for {items}: the base may be too high</source>
            <translation>表中没有 {items} 列：基数可能偏高</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Only a pension is given, but the member is {category}</source>
            <translation>表中只有养老金，但该党员的类别是“{category}”</translation>
        </message>
        <message>
            <source>The wage cells are empty</source>
            <translation>工资单元格为空</translation>
        </message>
        <message>
            <source>There are no bases to import</source>
            <translation>没有可导入的基数</translation>
        </message>
        <message>
            <source>From {file}</source>
            <translation>来自 {file}</translation>
        </message>
    </context>
    <context>
        <name>dues_service</name>
        <message>
            <source>Cash</source>
            <translation>现金</translation>
        </message>
        <message>
            <source>WeChat Pay</source>
            <translation>微信支付</translation>
        </message>
        <message>
            <source>Alipay</source>
            <translation>支付宝</translation>
        </message>
        <message>
            <source>Bank transfer</source>
            <translation>银行转账</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>No dues category: set it in the member's record or with “Set base”</source>
            <translation>未设党费类别：请在党员信息中设置，或使用“设置基数”</translation>
        </message>
        <message>
            <source>No monthly base: set the base for this year</source>
            <translation>没有月缴费基数：请设置本年度基数</translation>
        </message>
        <message>
            <source>Reduced or exempt without the approval recorded</source>
            <translation>少交或免交，但未记录批准情况</translation>
        </message>
        <message>
            <source>{first} to {last}</source>
            <translation>{first}至{last}</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Back-payment and prepayment are limited to between 1 and {n} months</source>
            <translation>补交和预交的月数限于 1 至 {n} 个月</translation>
        </message>
        <message>
            <source>That member no longer exists</source>
            <translation>该党员已不存在</translation>
        </message>
        <message>
            <source>Bases can be set for the years 2000 to {last}</source>
            <translation>只能设置 2000 年至 {last} 年的基数</translation>
        </message>
        <message>
            <source>The month must be between 1 and 12</source>
            <translation>月份须在 1 至 12 之间</translation>
        </message>
        <message>
            <source>The date of approval cannot be in the future</source>
            <translation>批准日期不能晚于今天</translation>
        </message>
        <message>
            <source>Give the monthly amount the superior committee approved</source>
            <translation>请填写上级党委批准的每月交纳额</translation>
        </message>
        <message>
            <source>The date of payment cannot be in the future</source>
            <translation>缴费日期不能晚于今天</translation>
        </message>
        <message>
            <source>{name} owes nothing for {month}: not yet a member of this branch then, no longer on its roll, or membership suspended</source>
            <translation>{name} {month}无需交纳党费：当时尚未入党或不在本支部、已不在册，或处于停止党籍期间</translation>
        </message>
        <message>
            <source>{name}'s dues for {month} cannot be computed: {problem}</source>
            <translation>无法计算 {name} {month}的党费：{problem}</translation>
        </message>
        <message>
            <source>{name} owes nothing for {month} (exempt)</source>
            <translation>{name} {month}免交党费</translation>
        </message>
        <message>
            <source>{name} has already paid for {month}</source>
            <translation>{name} {month}的党费已经交过</translation>
        </message>
        <message>
            <source>“{text}” is longer than {n} characters</source>
            <translation>“{text}”超过了 {n} 个字</translation>
        </message>
        <message>
            <source>A voluntary payment cannot be negative</source>
            <translation>自愿多交的金额不能为负数</translation>
        </message>
        <message>
            <source>Say why the entry is being reversed</source>
            <translation>请填写冲正的原因</translation>
        </message>
        <message>
            <source>The date of the reversal cannot be in the future</source>
            <translation>冲正日期不能晚于今天</translation>
        </message>
        <message>
            <source>That payment does not exist</source>
            <translation>该笔缴费记录不存在</translation>
        </message>
        <message>
            <source>A reversal cannot itself be reversed; enter the original again instead</source>
            <translation>冲正记录本身不能再冲正；如需恢复，请重新录入原记录</translation>
        </message>
        <message>
            <source>That payment has already been reversed</source>
            <translation>该笔缴费已经冲正过</translation>
        </message>
        <message>
            <source>The reversal cannot be dated before the payment it corrects</source>
            <translation>冲正日期不能早于被冲正记录的日期</translation>
        </message>
        <message>
            <source>The amount handed up must be more than zero</source>
            <translation>上缴金额必须大于零</translation>
        </message>
        <message>
            <source>The date cannot be in the future</source>
            <translation>日期不能晚于今天</translation>
        </message>
        <message>
            <source>The branch holds only {held} yuan of dues; it cannot hand up {amount} yuan</source>
            <translation>支部结存党费只有 {held} 元，不能上缴 {amount} 元</translation>
        </message>
        <message>
            <source>That remittance does not exist</source>
            <translation>该笔上缴记录不存在</translation>
        </message>
        <message>
            <source>That remittance has already been reversed</source>
            <translation>该笔上缴已经冲正过</translation>
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
            <source>“{name}” is a web page or XML file with a spreadsheet's name; open it in Excel or WPS and save it as .xlsx</source>
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
            <source>a PDF document</source>
            <translation>一个 PDF 文档</translation>
        </message>
        <message>
            <source>a PNG picture</source>
            <translation>一张 PNG 图片</translation>
        </message>
        <message>
            <source>a JPEG picture</source>
            <translation>一张 JPEG 图片</translation>
        </message>
        <message>
            <source>a GIF picture</source>
            <translation>一张 GIF 图片</translation>
        </message>
        <message>
            <source>a BMP picture</source>
            <translation>一张 BMP 图片</translation>
        </message>
        <message>
            <source>a Windows program (.exe)</source>
            <translation>一个 Windows 程序（.exe）</translation>
        </message>
        <message>
            <source>a program</source>
            <translation>一个程序</translation>
        </message>
        <message>
            <source>a RAR archive</source>
            <translation>一个 RAR 压缩包</translation>
        </message>
        <message>
            <source>a 7-Zip archive</source>
            <translation>一个 7-Zip 压缩包</translation>
        </message>
        <message>
            <source>a compressed (.gz) file</source>
            <translation>一个压缩文件（.gz）</translation>
        </message>
        <message>
            <source>a Word (RTF) document</source>
            <translation>一个 Word（RTF）文档</translation>
        </message>
        <message>
            <source>“{name}” is actually {kind}, not a spreadsheet; open the roster in Excel or WPS and save it as .xlsx</source>
            <translation>“{name}”实际上是{kind}，不是表格文件；请用 Excel 或 WPS 打开花名册，另存为 .xlsx 后再导入</translation>
        </message>
        <message>
            <source>“{name}” is {size} MB, larger than any roster BranchDesk reads (at most {limit} MB); keep only the members' sheet and save it again</source>
            <translation>“{name}”有 {size} MB，超过了支部工作台能读取的花名册大小（最多 {limit} MB）；请只保留党员名单所在的工作表，另存后再导入</translation>
        </message>
        <message>
            <source>“{name}” holds {count} parts, far more than a workbook has; it is not a roster BranchDesk can read</source>
            <translation>“{name}”内含 {count} 个部件，远超正常表格文件，不是支部工作台能读取的花名册</translation>
        </message>
        <message>
            <source>“{name}” unpacks to far more data than a roster holds (a damaged or deliberately inflated file); open it in Excel or WPS and save it again</source>
            <translation>“{name}”解压后的数据量远超花名册应有的大小（文件已损坏或被恶意构造）；请用 Excel 或 WPS 打开并重新保存</translation>
        </message>
        <message>
            <source>“{name}” is an Excel binary workbook (.xlsb); open it in Excel or WPS and save it as .xlsx</source>
            <translation>“{name}”是 Excel 二进制工作簿（.xlsb）；请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入</translation>
        </message>
        <message>
            <source>a text document (.odt)</source>
            <translation>一个文字文档（.odt）</translation>
        </message>
        <message>
            <source>a Word document</source>
            <translation>一个 Word 文档</translation>
        </message>
        <message>
            <source>a PowerPoint presentation</source>
            <translation>一个 PowerPoint 演示文稿</translation>
        </message>
        <message>
            <source>a ZIP archive</source>
            <translation>一个 ZIP 压缩包</translation>
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
            <source>“{name}” contains XML declarations that spreadsheet programs never write (possibly a malicious file); BranchDesk does not read it</source>
            <translation>“{name}”含有表格软件从不写入的 XML 声明（可能是恶意文件），支部工作台不读取此文件</translation>
        </message>
        <message>
            <source>A sheet in “{name}” uses more than {limit} columns; a roster has about 22. Delete the extra columns (or copy the roster to a new sheet) and save again</source>
            <translation>“{name}”中有工作表使用了超过 {limit} 列，而花名册约为 22 列。请删除多余的列（或把花名册复制到新工作表），保存后再导入</translation>
        </message>
        <message>
            <source>A sheet in “{name}” has more than {limit} rows; BranchDesk imports at most {limit} rows at a time. Split the file, or delete empty rows at its end, and save again</source>
            <translation>“{name}”中有工作表超过 {limit} 行，支部工作台一次最多导入 {limit} 行。请拆分文件，或删除末尾的空行，保存后再导入</translation>
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
        <name>lan</name>
        <message>
            <source>Nothing here. Scan the code again.</source>
            <translation>页面不存在，请重新扫码。</translation>
        </message>
        <message>
            <source>Something went wrong. Ask the secretary.</source>
            <translation>出现问题，请联系书记。</translation>
        </message>
        <message>
            <source>Cannot listen on {host}:{port} ({error}). Another program may be using the port: choose another port in the sign-in settings, or close that program.</source>
            <translation>无法在 {host}:{port} 上启动手机签到（{error}）。可能有其他程序占用了该端口：请在签到设置中更换端口，或关闭那个程序。</translation>
        </message>
        <message>
            <source>The server for phones did not start: {error}</source>
            <translation>手机签到服务未能启动：{error}</translation>
        </message>
        <message>
            <source>no answer</source>
            <translation>无响应</translation>
        </message>
    </context>
    <context>
        <name>meetings</name>
        <message>
            <source>Branch general meeting</source>
            <translation>支部党员大会</translation>
        </message>
        <message>
            <source>Branch committee meeting</source>
            <translation>支委会</translation>
        </message>
        <message>
            <source>Party group meeting</source>
            <translation>党小组会</translation>
        </message>
        <message>
            <source>Party lecture</source>
            <translation>党课</translation>
        </message>
        <message>
            <source>Theme Party day</source>
            <translation>主题党日</translation>
        </message>
        <message>
            <source>Organisational life meeting</source>
            <translation>组织生活会</translation>
        </message>
        <message>
            <source>Democratic appraisal of members</source>
            <translation>民主评议党员</translation>
        </message>
        <message>
            <source>Heart-to-heart talk</source>
            <translation>谈心谈话</translation>
        </message>
        <message>
            <source>All members</source>
            <translation>全体党员</translation>
        </message>
        <message>
            <source>The branch committee</source>
            <translation>支部委员会</translation>
        </message>
        <message>
            <source>One party group</source>
            <translation>一个党小组</translation>
        </message>
        <message>
            <source>The two people talking</source>
            <translation>谈话双方</translation>
        </message>
        <message>
            <source>every month</source>
            <translation>每月</translation>
        </message>
        <message>
            <source>every quarter</source>
            <translation>每季度</translation>
        </message>
        <message>
            <source>every year</source>
            <translation>每年</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>缺席</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>Deputy secretary</source>
            <translation>副书记</translation>
        </message>
        <message>
            <source>Organisation committee member</source>
            <translation>组织委员</translation>
        </message>
        <message>
            <source>Publicity committee member</source>
            <translation>宣传委员</translation>
        </message>
        <message>
            <source>Discipline inspection committee member</source>
            <translation>纪检委员</translation>
        </message>
        <message>
            <source>Committee member</source>
            <translation>委员</translation>
        </message>
        <message>
            <source>Recite the Party Constitution</source>
            <translation>诵读党章</translation>
        </message>
        <message>
            <source>Pay Party dues</source>
            <translation>缴纳党费</translation>
        </message>
        <message>
            <source>Study Party rules and affairs</source>
            <translation>研学党规党情</translation>
        </message>
        <message>
            <source>Carry out organisational life</source>
            <translation>落实组织生活</translation>
        </message>
        <message>
            <source>Democratic deliberation</source>
            <translation>民主议事</translation>
        </message>
        <message>
            <source>Democratic disclosure</source>
            <translation>民主公开</translation>
        </message>
        <message>
            <source>not required</source>
            <translation>不作要求</translation>
        </message>
        <message>
            <source>{count} × {period}</source>
            <translation>{period}{count}次</translation>
        </message>
        <message>
            <source>{year}-{month:02d}</source>
            <translation>{year}年{month}月</translation>
        </message>
        <message>
            <source>{year} Q{quarter}</source>
            <translation>{year}年第{quarter}季度</translation>
        </message>
        <message>
            <source>{year}</source>
            <translation>{year}年</translation>
        </message>
        <message>
            <source>{month}</source>
            <translation>{month}月</translation>
        </message>
        <message>
            <source>Q{quarter}</source>
            <translation>{quarter}季度</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>全年</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>已召开</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期未开</translation>
        </message>
        <message>
            <source>Due soon</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <source>Not yet held</source>
            <translation>尚未召开</translation>
        </message>
        <message>
            <source>Still to come</source>
            <translation>未到期</translation>
        </message>
        <message>
            <source>Before records were kept here</source>
            <translation>启用前</translation>
        </message>
        <message>
            <source>Not required</source>
            <translation>不作要求</translation>
        </message>
        <message>
            <source>The topic is empty</source>
            <translation>会议主题为空</translation>
        </message>
        <message>
            <source>The topic is longer than {n} characters</source>
            <translation>会议主题超过 {n} 个字</translation>
        </message>
        <message>
            <source>The meeting must end after it starts</source>
            <translation>结束时间必须晚于开始时间</translation>
        </message>
        <message>
            <source>The meeting lasts more than 12 hours; check the end time</source>
            <translation>会议时长超过 12 小时，请核对结束时间</translation>
        </message>
        <message>
            <source>A name is at most {n} characters</source>
            <translation>姓名最多 {n} 个字</translation>
        </message>
        <message>
            <source>The place is longer than {n} characters</source>
            <translation>会议地点超过 {n} 个字</translation>
        </message>
        <message>
            <source>Choose the party group that meets</source>
            <translation>请选择召开会议的党小组</translation>
        </message>
        <message>
            <source>Choose the two people who talked</source>
            <translation>请选择谈话双方</translation>
        </message>
        <message>
            <source>A talk is between two different people</source>
            <translation>谈心谈话须在两个不同的人之间进行</translation>
        </message>
        <message>
            <source>A requirement is between 0 and 31 meetings a period</source>
            <translation>每个周期要求的次数应在 0 到 31 之间</translation>
        </message>
        <message>
            <source>“Due soon” is between 0 and 92 days before a period ends</source>
            <translation>“即将到期”应为周期结束前 0 到 92 天</translation>
        </message>
        <message>
            <source>{a} and {b}</source>
            <translation>{a} 与 {b}</translation>
        </message>
        <message>
            <source>That meeting no longer exists</source>
            <translation>该会议已不存在</translation>
        </message>
        <message>
            <source>That party group no longer exists</source>
            <translation>该党小组已不存在</translation>
        </message>
        <message>
            <source>A change to the committee cannot be dated in the future</source>
            <translation>支委变动的日期不能晚于今天</translation>
        </message>
        <message>
            <source>{name} is no longer on the roll and cannot join the committee</source>
            <translation>{name}已不在册，不能担任支部委员</translation>
        </message>
        <message>
            <source>The change is dated before {name} took up the current post ({since})</source>
            <translation>变动日期早于{name}担任现职的日期（{since}）</translation>
        </message>
        <message>
            <source>{file} is larger than {mb} MB; attach a smaller copy</source>
            <translation>{file} 超过 {mb} MB，请附上较小的文件</translation>
        </message>
        <message>
            <source>Cannot attach {file}: {error}</source>
            <translation>无法添加附件 {file}：{error}</translation>
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
        <name>minutes</name>
        <message>
            <source>1. Agenda</source>
            <translation>一、会议议题</translation>
        </message>
        <message>
            <source>2. What was studied or passed on</source>
            <translation>二、传达学习内容</translation>
        </message>
        <message>
            <source>3. Discussion (main points of each speaker)</source>
            <translation>三、讨论情况（发言要点）</translation>
        </message>
        <message>
            <source>4. Vote (due to attend with a vote, present, for, against, abstaining)</source>
            <translation>四、表决情况（应到会有表决权人数、实到人数、赞成、反对、弃权）</translation>
        </message>
        <message>
            <source>5. Decisions</source>
            <translation>五、会议决定</translation>
        </message>
        <message>
            <source>2. Discussion</source>
            <translation>二、讨论情况</translation>
        </message>
        <message>
            <source>3. Matters decided</source>
            <translation>三、议定事项</translation>
        </message>
        <message>
            <source>4. Who does what, and by when</source>
            <translation>四、任务分工及完成时限</translation>
        </message>
        <message>
            <source>1. What was studied</source>
            <translation>一、学习内容</translation>
        </message>
        <message>
            <source>3. The group's work for the coming month</source>
            <translation>三、下月小组工作安排</translation>
        </message>
        <message>
            <source>1. Title of the lecture</source>
            <translation>一、党课题目</translation>
        </message>
        <message>
            <source>2. Lecturer</source>
            <translation>二、授课人</translation>
        </message>
        <message>
            <source>3. Main content</source>
            <translation>三、主要内容</translation>
        </message>
        <message>
            <source>4. Questions and exchange</source>
            <translation>四、交流研讨</translation>
        </message>
        <message>
            <source>1. This month's theme</source>
            <translation>一、本月主题</translation>
        </message>
        <message>
            <source>2. How the day went (the six items)</source>
            <translation>二、活动过程（六项内容）</translation>
        </message>
        <message>
            <source>3. What members said</source>
            <translation>三、党员发言</translation>
        </message>
        <message>
            <source>4. Results</source>
            <translation>四、活动成效</translation>
        </message>
        <message>
            <source>1. Preparation (study, opinions gathered, talks held)</source>
            <translation>一、会前准备（学习研讨、征求意见、谈心谈话）</translation>
        </message>
        <message>
            <source>2. The committee's self-examination</source>
            <translation>二、支部委员会对照检查</translation>
        </message>
        <message>
            <source>3. Each member's self-examination, criticism and self-criticism</source>
            <translation>三、党员个人对照检查，开展批评和自我批评</translation>
        </message>
        <message>
            <source>4. Corrective measures</source>
            <translation>四、整改措施</translation>
        </message>
        <message>
            <source>1. Members' own summaries</source>
            <translation>一、个人总结</translation>
        </message>
        <message>
            <source>2. Mutual appraisal</source>
            <translation>二、党员互评</translation>
        </message>
        <message>
            <source>3. Democratic rating (excellent, qualified, basically qualified, unqualified)</source>
            <translation>三、民主测评（优秀、合格、基本合格、不合格）</translation>
        </message>
        <message>
            <source>4. Grades decided</source>
            <translation>四、评定等次</translation>
        </message>
        <message>
            <source>1. The two people talking</source>
            <translation>一、谈话双方</translation>
        </message>
        <message>
            <source>2. What was talked about</source>
            <translation>二、谈话内容</translation>
        </message>
        <message>
            <source>3. Opinions and suggestions raised</source>
            <translation>三、提出的意见建议</translation>
        </message>
        <message>
            <source>4. Follow-up</source>
            <translation>四、后续跟进</translation>
        </message>
        <message>
            <source>{year}-{month:02d}-{day:02d}</source>
            <translation>{year}年{month}月{day}日</translation>
        </message>
        <message>
            <source>{date} {start}–{end}</source>
            <translation>{date} {start}至{end}</translation>
        </message>
        <message>
            <source>{start_date} {start} – {end_date} {end}</source>
            <translation>{start_date} {start} 至 {end_date} {end}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>{name} (leave: {reason})</source>
            <translation>{name}（请假：{reason}）</translation>
        </message>
        <message>
            <source>{name} (leave)</source>
            <translation>{name}（请假）</translation>
        </message>
        <message>
            <source>{name} (absent: {reason})</source>
            <translation>{name}（缺席：{reason}）</translation>
        </message>
        <message>
            <source>{name} (absent)</source>
            <translation>{name}（缺席）</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Who attends</source>
            <translation>参会范围</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>会议时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>会议地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Due to attend</source>
            <translation>应到人数</translation>
        </message>
        <message>
            <source>{n} people</source>
            <translation>{n}人</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>实到人数</translation>
        </message>
        <message>
            <source>Attending</source>
            <translation>出席人员</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Absent, and why</source>
            <translation>缺席人员及原因</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Talk between</source>
            <translation>谈话双方</translation>
        </message>
        <message>
            <source>{a} and {b}</source>
            <translation>{a} 与 {b}</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>会议内容</translation>
        </message>
        <message>
            <source>Resolutions</source>
            <translation>会议决议</translation>
        </message>
        <message>
            <source>Six items</source>
            <translation>六项内容</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Host's signature</source>
            <translation>主持人签字</translation>
        </message>
        <message>
            <source>Recorder's signature</source>
            <translation>记录人签字</translation>
        </message>
        <message>
            <source>{type} minutes</source>
            <translation>{type}会议记录</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页，共 {pages} 页</translation>
        </message>
        <message>
            <source>Print preview — {title}</source>
            <translation>打印预览 — {title}</translation>
        </message>
    </context>
    <context>
        <name>pdf</name>
        <message>
            <source>Cannot write {file}: {error}</source>
            <translation>无法写入 {file}：{error}</translation>
        </message>
        <message>
            <source>Cannot write {file}: {error}; if it is open in a PDF reader, close it and try again</source>
            <translation>无法写入 {file}：{error}；如果该文件已在 PDF 阅读器中打开，请关闭后重试</translation>
        </message>
        <message>
            <source>The printer or the file could not be opened for writing</source>
            <translation>无法打开打印机或文件进行写入</translation>
        </message>
        <message>
            <source>Print preview — {title}</source>
            <translation>打印预览 — {title}</translation>
        </message>
    </context>
    <context>
        <name>phone</name>
        <message>
            <source>Meeting sign-in</source>
            <translation>会议签到</translation>
        </message>
        <message>
            <source>1. Tap your name</source>
            <translation>第一步：点选您的姓名</translation>
        </message>
        <message>
            <source>Name or pinyin initials</source>
            <translation>姓名或拼音首字母</translation>
        </message>
        <message>
            <source>No name matches. Ask the secretary.</source>
            <translation>没有找到，请联系书记。</translation>
        </message>
        <message>
            <source>2. The last 4 digits of your phone (or your PIN)</source>
            <translation>第二步：输入手机号后4位（或签到密码）</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>签到</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>签退</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>确认</translation>
        </message>
        <message>
            <source>Not me: choose again</source>
            <translation>不是我，重新选择</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>正在提交…</translation>
        </message>
        <message>
            <source>Cannot reach the sign-in computer. Check that the phone is on the office Wi-Fi and try again.</source>
            <translation>连接不上签到电脑。请确认手机已连接办公室无线网络，然后再试。</translation>
        </message>
        <message>
            <source>Type the digits first</source>
            <translation>请先输入数字</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>签到成功</translation>
        </message>
        <message>
            <source>Signed in (late)</source>
            <translation>签到成功（迟到）</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>签退成功</translation>
        </message>
        <message>
            <source>{verb} at {time}</source>
            <translation>{verb}，时间 {time}</translation>
        </message>
        <message>
            <source>Open the sign-in page again (the browser must keep cookies)</source>
            <translation>请重新打开签到页面（浏览器需允许保存 Cookie）</translation>
        </message>
        <message>
            <source>Sign-in opens at {opens}</source>
            <translation>签到尚未开始，{opens} 开始签到</translation>
        </message>
        <message>
            <source>Sign in now (until {closes}; after {start} counts as late)</source>
            <translation>现在可以签到（{closes} 截止，{start} 后签到记为迟到）</translation>
        </message>
        <message>
            <source>Sign-in has closed; sign-out opens at {signout}</source>
            <translation>签到已截止；{signout} 起可以签退</translation>
        </message>
        <message>
            <source>Sign out now</source>
            <translation>现在可以签退</translation>
        </message>
    </context>
    <context>
        <name>signin</name>
        <message>
            <source>Not signed in</source>
            <translation>未签到</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>已签到</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>迟到</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>已签退</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>缺勤</translation>
        </message>
        <message>
            <source>This is not a BranchDesk sign-in code</source>
            <translation>这不是支部工作台的签到码</translation>
        </message>
        <message>
            <source>This is the meeting's code for phones; scan the member's own code</source>
            <translation>这是手机签到用的会议二维码，请扫描党员本人的签到码</translation>
        </message>
        <message>
            <source>The code is not genuine: it was altered or forged</source>
            <translation>签到码无效：已被改动或伪造</translation>
        </message>
        <message>
            <source>This code belongs to another branch</source>
            <translation>这是其他支部的签到码</translation>
        </message>
        <message>
            <source>This member is no longer on the roster</source>
            <translation>该党员已不在花名册中</translation>
        </message>
        <message>
            <source>Not expected at this meeting</source>
            <translation>不在本次会议应到人员之列</translation>
        </message>
        <message>
            <source>Sign-in opens at {time}</source>
            <translation>签到尚未开始，{time} 开始</translation>
        </message>
        <message>
            <source>Sign-in closed at {time}</source>
            <translation>签到已于 {time} 截止</translation>
        </message>
        <message>
            <source>The meeting has been closed</source>
            <translation>会议已结束</translation>
        </message>
        <message>
            <source>There is no such meeting</source>
            <translation>没有这个会议</translation>
        </message>
        <message>
            <source>The digits do not match our records</source>
            <translation>号码与登记的不符</translation>
        </message>
        <message>
            <source>No phone number or PIN on file; sign in at the secretary's desk</source>
            <translation>未登记手机号或签到密码，请到书记处签到</translation>
        </message>
        <message>
            <source>Already signed in with another phone; use that phone or the secretary's desk</source>
            <translation>已用另一部手机签到，请用那部手机或到书记处办理</translation>
        </message>
        <message>
            <source>This phone has already been used by another member at this meeting</source>
            <translation>本次会议中这部手机已为其他党员签到</translation>
        </message>
        <message>
            <source>Too many attempts; wait ten minutes or sign in at the secretary's desk</source>
            <translation>尝试次数过多，请十分钟后再试，或到书记处签到</translation>
        </message>
        <message>
            <source>This sign-in link has expired or is not genuine</source>
            <translation>签到链接已过期或无效</translation>
        </message>
        <message>
            <source>Already signed out at {time}</source>
            <translation>已于 {time} 签退</translation>
        </message>
        <message>
            <source>Already signed in at {time}; sign-out opens at {opens}</source>
            <translation>已于 {time} 签到；{opens} 起可以签退</translation>
        </message>
        <message>
            <source>Already signed in at {time}</source>
            <translation>已于 {time} 签到</translation>
        </message>
        <message>
            <source>A PIN is 4 to 6 digits</source>
            <translation>签到密码为4至6位数字</translation>
        </message>
        <message>
            <source>Write the reason for the leave</source>
            <translation>请填写请假事由</translation>
        </message>
        <message>
            <source>This member has already signed in</source>
            <translation>该党员已签到</translation>
        </message>
        <message>
            <source>Sign-in for this meeting has been closed; change the attendance in the meeting's record</source>
            <translation>本次会议签到已结束；如需修改出勤情况，请在会议记录中修改</translation>
        </message>
    </context>
    <context>
        <name>signin_print</name>
        <message>
            <source>Meeting: {type}    Host: {host}</source>
            <translation>会议类型：{type}　　主持人：{host}</translation>
        </message>
        <message>
            <source>Topic: {title}</source>
            <translation>会议主题：{title}</translation>
        </message>
        <message>
            <source>Time: {time}    Place: {place}</source>
            <translation>时间：{time}　　地点：{place}</translation>
        </message>
        <message>
            <source>Sign in {opens}–{closes} (late after {start}); sign out from {signout}; expected: {n}</source>
            <translation>签到 {opens}—{closes}（{start} 后为迟到）；签退 {signout} 起；应到 {n} 人</translation>
        </message>
        <message>
            <source>{branch}: meeting sign-in sheet</source>
            <translation>{branch}会议签到表</translation>
        </message>
        <message>
            <source>Phones: join the office Wi-Fi and scan</source>
            <translation>手机签到：连接办公室无线网络后扫码</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>签到码</translation>
        </message>
        <message>
            <source>Signature (in)</source>
            <translation>签到签名</translation>
        </message>
        <message>
            <source>Signature (out)</source>
            <translation>签退签名</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>第 {page} 页　共 {pages} 页</translation>
        </message>
        <message>
            <source>Present ______    Late ______    On leave ______    Absent ______    Checked by ____________</source>
            <translation>实到 ______ 人　　迟到 ______ 人　　请假 ______ 人　　缺勤 ______ 人　　核对人 ____________</translation>
        </message>
        <message>
            <source>Party member sign-in card</source>
            <translation>党员签到卡</translation>
        </message>
        <message>
            <source>Show this card to sign in and out. Keep it flat and dry.</source>
            <translation>签到、签退时出示此卡。请妥善保管，勿折勿湿。</translation>
        </message>
        <message>
            <source>{branch}: Party member sign-in cards</source>
            <translation>{branch}党员签到卡</translation>
        </message>
    </context>
    <context>
        <name>signin_stats</name>
        <message>
            <source>The statistics are exported as an .xlsx file; choose a name ending in .xlsx</source>
            <translation>出勤统计导出为 .xlsx 文件，请使用以 .xlsx 结尾的文件名</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>应到</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>Of whom late</source>
            <translation>其中迟到</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>缺勤</translation>
        </message>
        <message>
            <source>Attendance rate</source>
            <translation>出席率</translation>
        </message>
        <message>
            <source>all years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <source>{branch}: attendance per meeting ({span}, as of {date})</source>
            <translation>{branch}出勤统计（按会议，{span}，截至 {date}）</translation>
        </message>
        <message>
            <source>{branch}: attendance per member ({span}, as of {date})</source>
            <translation>{branch}出勤统计（按党员，{span}，截至 {date}）</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>会议主题</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Per meeting</source>
            <translation>按会议</translation>
        </message>
        <message>
            <source>Per member</source>
            <translation>按党员</translation>
        </message>
    </context>
    <context>
        <name>spreadsheet</name>
        <message>
            <source>Cannot write {file}: {error}</source>
            <translation>无法写入 {file}：{error}</translation>
        </message>
        <message>
            <source>Cannot write {file}: {error}; if it is open in Excel or WPS, close it and try again</source>
            <translation>无法写入 {file}：{error}；如果该文件已在 Excel 或 WPS 中打开，请关闭后重试</translation>
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
        <message>
            <source>BranchDesk keeps the branch's data in {path} but cannot write there ({error}). Ask your IT staff to give your account write access to that folder, or start BranchDesk with another data folder (--data-dir FOLDER, or the BRANCHDESK_DATA environment variable).</source>
            <translation>支部工作台把本支部的数据保存在 {path}，但无法写入该文件夹（{error}）。请联系信息技术人员为您的账户开通该文件夹的写入权限，或者用另一个数据文件夹启动支部工作台（--data-dir 文件夹，或环境变量 BRANCHDESK_DATA）。</translation>
        </message>
        <message>
            <source>The data folder {path} is on a network share ({kind}). BranchDesk keeps the branch's records in an SQLite database, whose write-ahead log needs a disk of this computer: on a shared folder records can be lost or damaged. Choose a folder on this computer (--data-dir FOLDER or the BRANCHDESK_DATA environment variable); backups may still go to a network folder.</source>
            <translation>数据文件夹 {path} 位于网络共享上（{kind}）。支部工作台把支部的记录保存在 SQLite 数据库中，它的预写日志（WAL）必须放在本机的磁盘上：放在共享文件夹里，记录可能丢失或损坏。请选择本机上的文件夹（--data-dir 文件夹，或环境变量 BRANCHDESK_DATA）；备份仍可以放到网络文件夹。</translation>
        </message>
        <message>
            <source>the data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>The disk that holds {folder} is full, so this could not be saved. Nothing was half-saved: what was saved before is safe. Free some space on that disk (empty the Recycle Bin, move or delete large files), then try again.</source>
            <translation>磁盘已满：{folder} 所在的磁盘没有空间了，这次的内容没能保存。没有留下保存了一半的内容，之前保存的都完好无损。请在这个磁盘上腾出空间（清空回收站，移走或删除大文件），然后再试一次。</translation>
        </message>
        <message>
            <source>{folder} cannot be written to: the folder or its disk is read-only. Nothing was half-saved: what was saved before is safe. Ask your IT staff to make it writable again (for a USB stick, check its write-protect switch), then try again.</source>
            <translation>无法写入 {folder}：这个文件夹或它所在的磁盘是只读的。没有留下保存了一半的内容，之前保存的都完好无损。请让信息技术人员恢复写入权限（如果是U盘，请检查它的写保护开关），然后再试一次。</translation>
        </message>
        <message>
            <source>Writing to {folder} failed: the disk reported an error (it may be failing, or a USB stick was pulled out). Nothing was half-saved: what was saved before is safe. Check the disk and make a backup on another one, then try again.</source>
            <translation>写入 {folder} 失败：磁盘报告了错误（磁盘可能出了故障，或者U盘被拔出了）。没有留下保存了一半的内容，之前保存的都完好无损。请检查磁盘，并把数据备份到另一块磁盘上，然后再试一次。</translation>
        </message>
    </context>
    <context>
        <name>sync</name>
        <message>
            <source>This branch is not enrolled with a server yet: enter the server's address and the enrollment code from the superior organisation in Settings → Sync</source>
            <translation>本支部尚未登记到中心服务器：请在“设置 → 同步”中填写服务器地址和上级组织提供的登记码</translation>
        </message>
        <message>
            <source>Enter the enrollment code from the superior organisation</source>
            <translation>请输入上级组织提供的登记码</translation>
        </message>
        <message>
            <source>The server refused the enrollment (HTTP {status})</source>
            <translation>服务器拒绝了登记（HTTP {status}）</translation>
        </message>
        <message>
            <source>“{month}” is not a month; write it like 2026-10</source>
            <translation>“{month}”不是月份，请按 2026-10 的格式填写</translation>
        </message>
        <message>
            <source>{month} has not ended yet; a month is closed after its last day</source>
            <translation>{month} 尚未结束；月结要在当月最后一天之后进行</translation>
        </message>
        <message>
            <source>{month} is already closed; its summary is in the outbox</source>
            <translation>{month} 已经月结，汇总已在待发送列表中</translation>
        </message>
        <message>
            <source>The server answered HTTP {status}; the summaries stay waiting and are sent later</source>
            <translation>服务器返回 HTTP {status}；汇总会保留，稍后自动发送</translation>
        </message>
        <message>
            <source>No summary is waiting to be sent; no file was written</source>
            <translation>没有待发送的汇总，未写入文件</translation>
        </message>
        <message>
            <source>Cannot write {path}: {error}</source>
            <translation>无法写入 {path}：{error}</translation>
        </message>
        <message>
            <source>“{url}” is not a server address; write it like http://192.168.1.10:8600</source>
            <translation>“{url}”不是服务器地址，请按 http://192.168.1.10:8600 的格式填写</translation>
        </message>
        <message>
            <source>The server did not answer in time; the summaries stay waiting and are sent later</source>
            <translation>服务器没有及时响应；汇总会保留，稍后自动发送</translation>
        </message>
        <message>
            <source>The server refused the connection (is it running?); the summaries stay waiting and are sent later</source>
            <translation>服务器拒绝连接（服务器是否已启动？）；汇总会保留，稍后自动发送</translation>
        </message>
        <message>
            <source>The server's name could not be found (no network?); the summaries stay waiting and are sent later</source>
            <translation>找不到服务器（是否没有联网？）；汇总会保留，稍后自动发送</translation>
        </message>
        <message>
            <source>The secure connection to the server failed ({error})</source>
            <translation>与服务器的加密连接失败（{error}）</translation>
        </message>
        <message>
            <source>Cannot reach the server ({error}); the summaries stay waiting and are sent later</source>
            <translation>无法连接服务器（{error}）；汇总会保留，稍后自动发送</translation>
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
    <context>
        <name>votes</name>
        <message>
            <source>Election</source>
            <translation>选举</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>表决</translation>
        </message>
        <message>
            <source>Democratic appraisal</source>
            <translation>民主评议</translation>
        </message>
        <message>
            <source>Admission as a probationary member</source>
            <translation>接收预备党员</translation>
        </message>
        <message>
            <source>Full membership of a probationary member</source>
            <translation>预备党员转正</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>决议</translation>
        </message>
        <message>
            <source>For</source>
            <translation>赞成</translation>
        </message>
        <message>
            <source>Abstain</source>
            <translation>弃权</translation>
        </message>
        <message>
            <source>Against</source>
            <translation>反对</translation>
        </message>
        <message>
            <source>Not in favour</source>
            <translation>不赞成</translation>
        </message>
        <message>
            <source>Excellent</source>
            <translation>优秀</translation>
        </message>
        <message>
            <source>Competent</source>
            <translation>合格</translation>
        </message>
        <message>
            <source>Basically competent</source>
            <translation>基本合格</translation>
        </message>
        <message>
            <source>Incompetent</source>
            <translation>不合格</translation>
        </message>
        <message>
            <source>Probationary member: no vote</source>
            <translation>预备党员：无表决权</translation>
        </message>
        <message>
            <source>Membership suspended: no vote</source>
            <translation>停止党籍：无表决权</translation>
        </message>
        <message>
            <source>Under probation within the Party: no vote</source>
            <translation>留党察看：无表决权</translation>
        </message>
        <message>
            <source>Detained or arrested: rights suspended</source>
            <translation>被留置或逮捕：权利暂停</translation>
        </message>
        <message>
            <source>Cannot express their will (illness)</source>
            <translation>患病不能表达本人意志</translation>
        </message>
        <message>
            <source>Abroad at own expense for half a year or more</source>
            <translation>自费出国（境）半年以上</translation>
        </message>
        <message>
            <source>Serving a sentence</source>
            <translation>正在服刑</translation>
        </message>
        <message>
            <source>Bedridden or unable to look after themselves</source>
            <translation>年老体弱卧床不起或长期生病生活不能自理</translation>
        </message>
        <message>
            <source>Away half a year or more without transferring their membership</source>
            <translation>外出半年以上应转未转组织关系</translation>
        </message>
        <message>
            <source>Being set up</source>
            <translation>准备中</translation>
        </message>
        <message>
            <source>Voting</source>
            <translation>投票中</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Paper ballots</source>
            <translation>纸质选票</translation>
        </message>
        <message>
            <source>Booth on this PC</source>
            <translation>本机投票机</translation>
        </message>
        <message>
            <source>Phones</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Your vote has been recorded.</source>
            <translation>您的投票已记录。</translation>
        </message>
        <message>
            <source>This code is not valid for this vote. Check the digits on your slip.</source>
            <translation>该投票码不适用于本次投票。请核对纸条上的数字。</translation>
        </message>
        <message>
            <source>This code has already been used.</source>
            <translation>该投票码已使用过。</translation>
        </message>
        <message>
            <source>Voting is not open.</source>
            <translation>投票尚未开始或已经结束。</translation>
        </message>
        <message>
            <source>This ballot has already been counted.</source>
            <translation>这张选票已经计入。</translation>
        </message>
        <message>
            <source>This is not a ballot printed for this branch.</source>
            <translation>这不是本支部印制的选票。</translation>
        </message>
        <message>
            <source>This ballot belongs to another vote.</source>
            <translation>这张选票属于另一次投票。</translation>
        </message>
        <message>
            <source>The vote needs a title</source>
            <translation>请填写投票标题</translation>
        </message>
        <message>
            <source>Choose at least one way of voting</source>
            <translation>请至少选择一种投票方式</translation>
        </message>
        <message>
            <source>A democratic appraisal rates every member on the roll</source>
            <translation>民主评议对在册的每名党员进行评议</translation>
        </message>
        <message>
            <source>Only a vote that has not been opened can be deleted</source>
            <translation>只能删除尚未开始的投票</translation>
        </message>
        <message>
            <source>Say who approved the exclusion and when (the superior committee's approval)</source>
            <translation>请注明由谁、何时批准不计入（上级党组织的批准）</translation>
        </message>
        <message>
            <source>The vote is closed</source>
            <translation>投票已结束</translation>
        </message>
        <message>
            <source>A member who received a ballot was present</source>
            <translation>已领取选票的党员应为出席</translation>
        </message>
        <message>
            <source>Written opinions are recorded for an open decision</source>
            <translation>书面意见只能记入尚未结束的表决</translation>
        </message>
        <message>
            <source>A count cannot be negative</source>
            <translation>人数不能为负数</translation>
        </message>
        <message>
            <source>Written opinions come from absent members who are due: {present} present and {written} written is more than the {due} due</source>
            <translation>书面意见来自应到会而未到会的党员：实到 {present} 人加书面意见 {written} 份，多于应到 {due} 人</translation>
        </message>
        <message>
            <source>No one on the roll has a vote</source>
            <translation>名单中没有有表决权的党员</translation>
        </message>
        <message>
            <source>Not enough voters present: {present} of {due} due; at least {minimum} are needed</source>
            <translation>到会人数不足：应到 {due} 人，实到 {present} 人；至少需要 {minimum} 人</translation>
        </message>
        <message>
            <source>A committee election is competitive: {seats} seats need at least {needed} candidates (20% more); there are {n}</source>
            <translation>支部委员会实行差额选举：应选 {seats} 名，候选人至少应有 {needed} 名（多于20%）；现有 {n} 名</translation>
        </message>
        <message>
            <source>Ballots are handed out once the vote is open</source>
            <translation>开始投票后才能发放选票</translation>
        </message>
        <message>
            <source>This member has no vote in this poll</source>
            <translation>该党员在本次投票中没有表决权</translation>
        </message>
        <message>
            <source>This member has already received a ballot</source>
            <translation>该党员已经领取过选票</translation>
        </message>
        <message>
            <source>The vote is not open</source>
            <translation>投票尚未开始或已经结束</translation>
        </message>
        <message>
            <source>Codes are for a vote at the booth or by phone that is not closed</source>
            <translation>投票码用于尚未结束的投票机或手机投票</translation>
        </message>
        <message>
            <source>Make between 1 and 2000 codes</source>
            <translation>投票码数量应在 1 到 2000 之间</translation>
        </message>
        <message>
            <source>Paper ballots are for a paper vote that is not closed</source>
            <translation>纸质选票用于尚未结束的纸质投票</translation>
        </message>
        <message>
            <source>Print between 1 and 2000 ballots</source>
            <translation>选票数量应在 1 到 2000 之间</translation>
        </message>
        <message>
            <source>Only an open vote can be closed</source>
            <translation>只能结束正在进行的投票</translation>
        </message>
        <message>
            <source>A further round follows a closed election</source>
            <translation>下一轮选举须在本轮选举结束后进行</translation>
        </message>
        <message>
            <source>{title} — re-vote among the tied</source>
            <translation>{title} — 对得票相等者再次投票</translation>
        </message>
        <message>
            <source>{title} — further round for the vacancies</source>
            <translation>{title} — 对差额名额另行选举</translation>
        </message>
        <message>
            <source>That vote no longer exists</source>
            <translation>该投票已不存在</translation>
        </message>
        <message>
            <source>The vote has been opened: its set-up can no longer change</source>
            <translation>投票已经开始，不能再修改设置</translation>
        </message>
        <message>
            <source>A name is on the list twice</source>
            <translation>名单中有重复的姓名</translation>
        </message>
        <message>
            <source>A name is longer than 40 characters</source>
            <translation>姓名超过 40 个字符</translation>
        </message>
        <message>
            <source>A decision is on one person or one resolution at a time</source>
            <translation>表决每次只对一人或一项决议进行</translation>
        </message>
        <message>
            <source>Say what the decision is about</source>
            <translation>请说明表决事项</translation>
        </message>
        <message>
            <source>An election needs at least one seat</source>
            <translation>选举至少有一个应选名额</translation>
        </message>
        <message>
            <source>There are no candidates</source>
            <translation>没有候选人</translation>
        </message>
        <message>
            <source>There are fewer candidates ({n}) than seats ({seats})</source>
            <translation>候选人（{n} 名）少于应选名额（{seats} 名）</translation>
        </message>
        <message>
            <source>No quorum</source>
            <translation>到会人数不足</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>无效</translation>
        </message>
        <message>
            <source>Elected: {names}</source>
            <translation>当选：{names}</translation>
        </message>
        <message>
            <source>No one elected</source>
            <translation>无人当选</translation>
        </message>
        <message>
            <source>; re-vote among {names}</source>
            <translation>；{names} 再次投票</translation>
        </message>
        <message>
            <source>; {n} seats to a further round</source>
            <translation>；{n} 个名额另行选举</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>{n} ballots</source>
            <translation>{n} 张选票</translation>
        </message>
    </context>
    <context>
        <name>votes_print</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>表决对象</translation>
        </message>
        <message>
            <source>Another person</source>
            <translation>另选他人</translation>
        </message>
        <message>
            <source>{seats} to elect · candidates in surname-stroke order</source>
            <translation>应选 {seats} 名 · 候选人按姓氏笔画为序</translation>
        </message>
        <message>
            <source>Democratic appraisal of {n} members</source>
            <translation>民主评议党员（共 {n} 名）</translation>
        </message>
        <message>
            <source>Draw a ○ in one box per candidate: for, not in favour or abstain. A candidate left unmarked counts as abstain.</source>
            <translation>对每位候选人在“赞成”“不赞成”“弃权”中的一栏内画“○”；不画符号的视为弃权。</translation>
        </message>
        <message>
            <source>A re-vote among those tied: no one else can be written in; the most votes elect.</source>
            <translation>本次为对得票相等者再次投票：不能另选他人，以得票多者当选。</translation>
        </message>
        <message>
            <source>Beside a candidate you do not favour you may write another person's name; that counts as for them. A name beside a mark for or abstain does not count.</source>
            <translation>对不赞成的候选人，可在其“另选他人”栏内写上另选人的姓名，视为赞成该人；在赞成或弃权的候选人旁写的姓名不计入。</translation>
        </message>
        <message>
            <source>More people for than {seats} (written names included), or marks that cannot be made out, make the ballot invalid.</source>
            <translation>赞成的人数（含另选他人）多于 {seats} 名，或符号无法辨认的，为无效票。</translation>
        </message>
        <message>
            <source>Draw one ○ in the box for, against or abstain. A ballot left blank counts as abstain.</source>
            <translation>在“赞成”“反对”“弃权”中的一栏内画“○”，只能画一个；未画符号的视为弃权。</translation>
        </message>
        <message>
            <source>Draw a ○ in one box per member. Excellent is generally for no more than a third of the members.</source>
            <translation>对每名党员在一栏内画“○”。评为优秀的一般不超过党员总数的三分之一。</translation>
        </message>
        <message>
            <source>Secret ballot: do not write your name or any other mark on it.</source>
            <translation>无记名投票：请勿在选票上署名或做其他标记。</translation>
        </message>
        <message>
            <source>{title} — ballot</source>
            <translation>{title}选票</translation>
        </message>
        <message>
            <source>Too many names for one ballot page</source>
            <translation>姓名太多，一页选票放不下</translation>
        </message>
        <message>
            <source>One-time voting code</source>
            <translation>一次性投票码</translation>
        </message>
        <message>
            <source>Booth: type the code. Phone: join the office Wi-Fi, scan the code on the right, type the code.</source>
            <translation>投票机：输入投票码。手机：连接办公室 Wi-Fi，扫描右侧二维码，输入投票码。</translation>
        </message>
        <message>
            <source>Type the code at the voting booth.</source>
            <translation>请在投票机上输入投票码。</translation>
        </message>
        <message>
            <source>The code works once and is not linked to your name.</source>
            <translation>投票码只能使用一次，与您的姓名无关。</translation>
        </message>
        <message>
            <source>{title} — voting codes</source>
            <translation>{title}投票码</translation>
        </message>
    </context>
    <context>
        <name>votes_report</name>
        <message>
            <source>Tally sheet</source>
            <translation>计票单</translation>
        </message>
        <message>
            <source>Election result report</source>
            <translation>选举结果报告单</translation>
        </message>
        <message>
            <source>Decision result report</source>
            <translation>表决结果报告单</translation>
        </message>
        <message>
            <source>Democratic appraisal result report</source>
            <translation>民主评议结果报告单</translation>
        </message>
        <message>
            <source>Due to attend with a vote</source>
            <translation>应到会有表决权人数</translation>
        </message>
        <message>
            <source>Present with a vote</source>
            <translation>实到会有表决权人数</translation>
        </message>
        <message>
            <source>Ballots issued</source>
            <translation>发出选票</translation>
        </message>
        <message>
            <source>Ballots collected</source>
            <translation>收回选票</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>有效票</translation>
        </message>
        <message>
            <source>Invalid</source>
            <translation>无效票</translation>
        </message>
        <message>
            <source>{n} valid ballots.</source>
            <translation>有效票 {n} 张。</translation>
        </message>
        <message>
            <source>Not enough voters were present: the vote is not valid.</source>
            <translation>到会人数不足：本次投票无效。</translation>
        </message>
        <message>
            <source>More ballots were collected ({collected}) than issued ({issued}): the vote is void and must be held again.</source>
            <translation>收回选票（{collected} 张）多于发出选票（{issued} 张）：本次投票无效，须重新投票。</translation>
        </message>
        <message>
            <source>The vote is valid. A re-vote among those tied: the most votes elect.</source>
            <translation>本次投票有效。对得票相等者再次投票，以得票多者当选。</translation>
        </message>
        <message>
            <source>The vote is valid. More than half of those present ({needed} votes) elects.</source>
            <translation>本次投票有效。得赞成票超过实到会有选举权人数的一半（{needed} 票）始得当选。</translation>
        </message>
        <message>
            <source>The vote is valid. More than half of those due ({needed} votes, written opinions included) passes.</source>
            <translation>本次投票有效。赞成票超过应到会有表决权人数的一半（{needed} 票，含书面意见）为通过。</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>(written in)</source>
            <translation>（另选）</translation>
        </message>
        <message>
            <source>Elected</source>
            <translation>当选</translation>
        </message>
        <message>
            <source>Tied: re-vote</source>
            <translation>得票相等：再次投票</translation>
        </message>
        <message>
            <source>Not elected</source>
            <translation>未当选</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>表决对象</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>Written opinions of absent members, counted above: for {f}, against {a}, abstain {x}</source>
            <translation>未到会党员书面意见（已计入上表）：赞成 {f}，反对 {a}，弃权 {x}</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Excellent by a majority, beyond one third</source>
            <translation>过半数评为优秀，超出三分之一</translation>
        </message>
        <message>
            <source>Excellent by a majority</source>
            <translation>过半数评为优秀</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>{name} ({votes} votes)</source>
            <translation>{name}（{votes} 票）</translation>
        </message>
        <message>
            <source>Elected ({n} of {seats} seats, in surname-stroke order): {names}</source>
            <translation>当选（应选 {seats} 名，当选 {n} 名，按姓氏笔画为序）：{names}</translation>
        </message>
        <message>
            <source>No one was elected.</source>
            <translation>无人当选。</translation>
        </message>
        <message>
            <source>Tied at the cut-off with {votes} votes: {names}. A re-vote among them for {seats} seats; the most votes elect.</source>
            <translation>得票相等（{votes} 票）：{names}。对其再次投票，选出 {seats} 名，以得票多者当选。</translation>
        </message>
        <message>
            <source>{n} seats are not filled: a further round among {names}, or the meeting agrees to fewer seats.</source>
            <translation>尚缺 {n} 名：在 {names} 中另行选举，或经大会同意减少名额。</translation>
        </message>
        <message>
            <source>{subject}: passed with {n} votes for.</source>
            <translation>{subject}：以 {n} 票赞成获得通过。</translation>
        </message>
        <message>
            <source>{subject}: not passed ({n} votes for; {needed} needed).</source>
            <translation>{subject}：未获通过（赞成 {n} 票；需要 {needed} 票）。</translation>
        </message>
        <message>
            <source>Excellent is generally for no more than one third of the members ({limit} of {n}).</source>
            <translation>评为优秀的一般不超过党员总数的三分之一（{n} 名中 {limit} 名）。</translation>
        </message>
        <message>
            <source>More members were rated excellent by a majority than one third: the committee decides the grades.</source>
            <translation>过半数评为优秀的党员超过三分之一：由支部委员会研究确定等次。</translation>
        </message>
        <message>
            <source>{n} ballots rated more than one third of the members excellent.</source>
            <translation>有 {n} 张选票评为优秀的党员超过三分之一。</translation>
        </message>
        <message>
            <source>PROVISIONAL: the vote is still open.</source>
            <translation>临时结果：投票尚未结束。</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>Scrutineers</source>
            <translation>监票人</translation>
        </message>
        <message>
            <source>Tellers</source>
            <translation>计票人</translation>
        </message>
        <message>
            <source>Date: {date}</source>
            <translation>日期：{date}</translation>
        </message>
        <message>
            <source>Vote: {title}</source>
            <translation>投票事项：{title}</translation>
        </message>
        <message>
            <source>Kind: {kind}</source>
            <translation>类别：{kind}</translation>
        </message>
        <message>
            <source>Seats: {n}</source>
            <translation>应选名额：{n}</translation>
        </message>
        <message>
            <source>Meeting: {title}</source>
            <translation>会议：{title}</translation>
        </message>
        <message>
            <source>Round {n}</source>
            <translation>第{n}轮</translation>
        </message>
    </context>
    <context>
        <name>votes_spec</name>
        <message>
            <source>{where}: {problem}</source>
            <translation>{where}：{problem}</translation>
        </message>
        <message>
            <source>must be a whole number, not {value}</source>
            <translation>应为整数，而不是 {value}</translation>
        </message>
        <message>
            <source>cannot be negative</source>
            <translation>不能为负数</translation>
        </message>
        <message>
            <source>must be an object {{…}}, not {value}</source>
            <translation>应为对象 {{…}}，而不是 {value}</translation>
        </message>
        <message>
            <source>unknown key “{key}”; the keys allowed here are: {allowed}</source>
            <translation>未知的键“{key}”；此处允许的键为：{allowed}</translation>
        </message>
        <message>
            <source>the key “{key}” is missing</source>
            <translation>缺少键“{key}”</translation>
        </message>
        <message>
            <source>must be a name (text), not {value}</source>
            <translation>应为姓名（文字），而不是 {value}</translation>
        </message>
        <message>
            <source>a name is at most {n} characters</source>
            <translation>姓名最多 {n} 个字符</translation>
        </message>
        <message>
            <source>must be "for", "against" or "abstain", not {value}</source>
            <translation>应为 "for"（赞成）、"against"（反对/不赞成）或 "abstain"（弃权），而不是 {value}</translation>
        </message>
        <message>
            <source>an invalid ballot is written {{"invalid": true}} and nothing else</source>
            <translation>无效票只写 {{"invalid": true}}，不写其他内容</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>must hold one JSON object {{…}}</source>
            <translation>应为一个 JSON 对象 {{…}}</translation>
        </message>
        <message>
            <source>the key “kind” is missing ("election" or "decision")</source>
            <translation>缺少键“kind”（"election" 选举或 "decision" 表决）</translation>
        </message>
        <message>
            <source>must be "election" or "decision", not {value}</source>
            <translation>应为 "election"（选举）或 "decision"（表决），而不是 {value}</translation>
        </message>
        <message>
            <source>no one is due to vote</source>
            <translation>应到会有表决权的人数为零</translation>
        </message>
        <message>
            <source>{present} present is more than the {due} due</source>
            <translation>实到 {present} 人，多于应到 {due} 人</translation>
        </message>
        <message>
            <source>{issued} ballots issued is more than the {present} present</source>
            <translation>发出选票 {issued} 张，多于实到 {present} 人</translation>
        </message>
        <message>
            <source>must be a list of names ["…", …]</source>
            <translation>应为姓名列表 ["…", …]</translation>
        </message>
        <message>
            <source>“{name}” is listed twice</source>
            <translation>“{name}”重复列出</translation>
        </message>
        <message>
            <source>a decision is on one subject at a time: give exactly one, not {n}</source>
            <translation>表决每次只对一个对象进行：应恰好给出一个，而不是 {n} 个</translation>
        </message>
        <message>
            <source>there are no candidates</source>
            <translation>没有候选人</translation>
        </message>
        <message>
            <source>must be a list of ballots [{{…}}, …]</source>
            <translation>应为选票列表 [{{…}}, …]</translation>
        </message>
        <message>
            <source>an election has at least one seat</source>
            <translation>选举至少有一个应选名额</translation>
        </message>
        <message>
            <source>written opinions come from absent members who are due: {present} present and {written} written is more than the {due} due</source>
            <translation>书面意见来自应到会而未到会的党员：实到 {present} 人加书面意见 {written} 份，多于应到 {due} 人</translation>
        </message>
        <message>
            <source>“{name}” is not a candidate on this ballot</source>
            <translation>“{name}”不是本次选票上的候选人</translation>
        </message>
        <message>
            <source>“{name}” is marked twice</source>
            <translation>“{name}”被标记了两次</translation>
        </message>
        <message>
            <source>the key “vote” is missing ("for", "against" or "abstain")</source>
            <translation>缺少键“vote”（"for"、"against" 或 "abstain"）</translation>
        </message>
        <message>
            <source>Quorum NOT met: {present} present of {due} due</source>
            <translation>未达到法定人数：应到 {due} 人，实到 {present} 人</translation>
        </message>
        <message>
            <source>Quorum met: {present} present of {due} due</source>
            <translation>达到法定人数：应到 {due} 人，实到 {present} 人</translation>
        </message>
        <message>
            <source>VOID: {collected} ballots collected but only {issued} issued; the vote must be held again</source>
            <translation>无效：收回选票 {collected} 张，多于发出的 {issued} 张，须重新投票</translation>
        </message>
        <message>
            <source>Ballots: {valid} valid, {invalid} invalid</source>
            <translation>选票：有效 {valid} 张，无效 {invalid} 张</translation>
        </message>
        <message>
            <source>elected</source>
            <translation>当选</translation>
        </message>
        <message>
            <source>tied: re-vote</source>
            <translation>得票相等：再次投票</translation>
        </message>
        <message>
            <source>{name}: for {for_} · against {against} · abstain {abstain}  {state}</source>
            <translation>{name}：赞成 {for_} · 不赞成 {against} · 弃权 {abstain}  {state}</translation>
        </message>
        <message>
            <source>Re-vote among {names} for {seats} seats</source>
            <translation>在 {names} 中再次投票，选出 {seats} 名</translation>
        </message>
        <message>
            <source>{n} seats not filled: a further round among {names}</source>
            <translation>尚缺 {n} 名：在 {names} 中另行选举</translation>
        </message>
        <message>
            <source>{name}: for {for_} · against {against} · abstain {abstain}</source>
            <translation>{name}：赞成 {for_} · 反对 {against} · 弃权 {abstain}</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>未通过</translation>
        </message>
    </context>
</TS>
