<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>{name} is no longer on the roll ({status})</source>
        <translation>{name}已不在册（{status}）</translation>
    </message>
    <message>
        <source>The date of a status change cannot be before the member joined the Party</source>
        <translation>状态变更日期不能早于入党日期</translation>
    </message>
    <message>
        <source>Only a probationary member can become a full member</source>
        <translation>只有预备党员才能转为正式党员</translation>
    </message>
</context>
<context>
    <name>storage</name>
    <message>
        <source>The database file {path} is damaged or is not a BranchDesk database ({error})</source>
        <translation>数据库文件 {path} 已损坏，或不是支部工作台的数据库（{error}）</translation>
    </message>
    <message>
        <source>Cannot create the data folder {path}: {error}</source>
        <translation>无法创建数据文件夹 {path}：{error}</translation>
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
