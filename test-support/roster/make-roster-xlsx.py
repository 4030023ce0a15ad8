# Writes roster.xlsx, the spreadsheet the roster import tests read: made by openpyxl (Debian's
# python3-openpyxl), a writer independent of the reader under test, the way Excel stores cells:
# the 学号 and the phone as numbers, one 学号 as text with its leading zero, a second sheet.
# Run: /usr/bin/python3 test-support/roster/make-roster-xlsx.py
from pathlib import Path
from openpyxl import Workbook

book = Workbook()
sheet = book.active
sheet.title = "名册"
sheet.append(["学生姓名", "班级", "学号", "家长姓名", "手机号", "OpenID"])
sheet.append(["张小红", "一年级1班", 20240001, "张伟", 13812345678, "oZxh_father_000000000000001"])
sheet.append(["张小红", "一年级1班", 20240001, "李娜", 13987654321, "oZxh_mother_000000000000002"])
sheet.append(["陈一", "一年级2班", "00123", None, None, "oChenyi_0000000000000000003"])
sheet.append(["王二", "二年级1班", 123, "王五", 8613512345678, "oWanger_0000000000000000004"])
other = book.create_sheet("说明")
other.append(["这一页不是名册"])
book.save(Path(__file__).with_name("roster.xlsx"))
