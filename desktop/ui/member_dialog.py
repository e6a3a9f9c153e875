"""Add or edit one member: the 16 items of 党员基本信息采集表 (DOMAIN §4) plus 党小组, the dues
category and base, a note, and the member's status history."""
from __future__ import annotations

import logging
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from core import idnumber
from core.dates import DateError
from core.dues import DuesCategory
from core.members import Gender, MemberCategory, MemberRecord, PartyStanding, RollStatus
from core.values import ValueProblem, parse_money_fen
from desktop.context import AppContext
from desktop.services.errors import KnownError
from desktop.services.members import ValidationFailed
from desktop.ui.widgets import ERROR_COLOUR, WARNING_COLOUR, DateField, FieldMessage

log = logging.getLogger(__name__)

# Values as the national forms write them (data, not interface text: they stay Chinese).
ETHNICITIES = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族",
    "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族",
    "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族",
    "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
    "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族",
    "门巴族", "珞巴族", "基诺族")
EDUCATION_LEVELS = ("研究生", "大学本科", "大学专科", "中等专科", "高中", "初中", "小学")


def _yuan_text(fen: int | None) -> str:
    return "" if fen is None else f"{Decimal(fen) / 100:.2f}"


class MemberDialog(QDialog):
    """``member_id`` None adds a member. Emits ``saved(member_id)`` after writing."""

    saved = Signal(int)

    def __init__(self, ctx: AppContext, member_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.original = ctx.members.get(member_id) if member_id is not None else None
        # DESIGN (Personal data): an ID number, phone or address already on record is shown
        # masked until asked for; an empty one is simply typed in.
        self.revealed = {f for f in ("id_number", "phone", "address")
                         if member_id is None or not (self.original and getattr(self.original, f))}
        self._acknowledged: tuple | None = None  # the warnings the user chose to save past
        self.messages: dict[str, FieldMessage] = {}
        self.field_widgets: dict[str, QWidget] = {}

        self.setWindowTitle(self.tr("Add a member") if member_id is None
                            else self.tr("Edit member — {name}").format(name=self.original.name))
        self.setModal(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_form(), self.tr("Particulars"))
        if member_id is not None:
            self.tabs.addTab(self._build_history(), self.tr("Status history"))

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("Save"))
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        if self.original is not None:
            self._load(self.original)
        self._sync_enabled()
        self.resize(940, 600)

    # -- building ----------------------------------------------------------------------
    def _field(self, form: QFormLayout, name: str, label: str, widget: QWidget, extra: QWidget | None = None) -> None:
        """A form row: the widget, optionally a button beside it, and its message line below."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        if extra is None:
            v.addWidget(widget)
        else:
            h = QHBoxLayout()
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(widget, 1)
            h.addWidget(extra)
            v.addLayout(h)
        message = FieldMessage(box)
        v.addWidget(message)
        self.messages[name] = message
        self.field_widgets[name] = widget
        form.addRow(label, box)

    @staticmethod
    def _combo(items: list[tuple[str, object]], editable: bool = False) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    def _build_form(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(24)
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
            form.setHorizontalSpacing(10)
            form.setVerticalSpacing(6)
        not_set = self.tr("(not set)")

        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(40)
        self.gender_combo = self._combo([(not_set, None)] + [(g.label, g.value) for g in Gender])
        self.ethnicity_combo = self._combo([("", "")] + [(e, e) for e in ETHNICITIES], editable=True)
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(18)
        self.id_edit.setPlaceholderText(self.tr("18 characters"))
        self.id_edit.textEdited.connect(self._id_typed)
        self.reveal_button = QPushButton(self.tr("Show full ID number"))
        self.reveal_button.setToolTip(self.tr("Shown in full only here, only when you ask, and recorded in the audit log"))
        self.reveal_button.clicked.connect(self.reveal_id)
        self.birth_edit = DateField()
        self.education_combo = self._combo([("", "")] + [(e, e) for e in EDUCATION_LEVELS], editable=True)
        self.category_combo = self._combo([(not_set, None)] + [(c.label, c.value) for c in MemberCategory])
        self.category_combo.currentIndexChanged.connect(self._sync_enabled)
        self.branch_label = QLabel(self.ctx.members.branch_name())
        self.joined_edit = DateField()
        self.full_edit = DateField()

        self._field(left, "name", self.tr("Name"), self.name_edit)
        self._field(left, "gender", self.tr("Gender"), self.gender_combo)
        self._field(left, "ethnicity", self.tr("Ethnicity"), self.ethnicity_combo)
        self._field(left, "id_number", self.tr("ID number"), self.id_edit,
                    self.reveal_button if not self.id_revealed else None)
        self._field(left, "birth_date", self.tr("Date of birth"), self.birth_edit)
        self._field(left, "education", self.tr("Education"), self.education_combo)
        self._field(left, "category", self.tr("Member category"), self.category_combo)
        left.addRow(self.tr("Party branch"), self.branch_label)
        self._field(left, "joined_on", self.tr("Date joined the Party"), self.joined_edit)
        self._field(left, "full_member_on", self.tr("Date became full member"), self.full_edit)

        self.post_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.reveal_phone_button = QPushButton(self.tr("Show full number"))
        self.reveal_phone_button.clicked.connect(self.reveal_phone)
        self.reveal_address_button = QPushButton(self.tr("Show full address"))
        self.reveal_address_button.clicked.connect(self.reveal_address)
        for button in (self.reveal_phone_button, self.reveal_address_button):
            button.setToolTip(self.reveal_button.toolTip())
        self.standing_combo = self._combo([(s.label, s.value) for s in PartyStanding])
        self.lost_check = QCheckBox(self.tr("Yes, contact has been lost"))
        self.lost_check.toggled.connect(self._sync_enabled)
        self.lost_on_edit = DateField()
        self.mobile_check = QCheckBox(self.tr("Yes, away from the branch"))
        self.mobile_check.toggled.connect(self._sync_enabled)
        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText(self.tr("e.g. Shenzhen, Guangdong"))
        self.group_combo = self._combo([("", "")] + [(g, g) for g in self.ctx.members.groups()], editable=True)
        self.dues_combo = self._combo([(not_set, None)] + [(d.label, d.value) for d in DuesCategory])
        self.base_edit = QLineEdit()
        self.base_edit.setPlaceholderText(self.tr("yuan, e.g. 4500.00"))

        self._field(right, "post", self.tr("Post"), self.post_edit)
        self._field(right, "phone", self.tr("Phone"), self.phone_edit,
                    self.reveal_phone_button if "phone" not in self.revealed else None)
        self._field(right, "address", self.tr("Home address"), self.address_edit,
                    self.reveal_address_button if "address" not in self.revealed else None)
        self._field(right, "party_standing", self.tr("Membership standing"), self.standing_combo)
        self._field(right, "lost_contact", self.tr("Lost contact"), self.lost_check)
        self._field(right, "lost_contact_on", self.tr("Date contact was lost"), self.lost_on_edit)
        self._field(right, "mobile", self.tr("Mobile member"), self.mobile_check)
        self._field(right, "mobile_destination", self.tr("Where they went"), self.destination_edit)
        self._field(right, "group", self.tr("Party group"), self.group_combo)
        self._field(right, "dues_category", self.tr("Dues category"), self.dues_combo)
        self._field(right, "dues_base_fen", self.tr("Monthly dues base"), self.base_edit)

        self.note_edit = QPlainTextEdit()
        self.note_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        note_form = QFormLayout()
        note_form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        note_form.setHorizontalSpacing(10)
        self._field(note_form, "note", self.tr("Note"), self.note_edit)

        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addLayout(note_form, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        events = self.ctx.members.history(self.member_id)
        self.history_tree = QTreeWidget()
        self.history_tree.setHeaderLabels([self.tr("Date"), self.tr("Change"), self.tr("Note")])
        self.history_tree.setRootIsDecorated(False)
        for e in events:
            QTreeWidgetItem(self.history_tree, [e.on.isoformat(), e.kind.label, e.note])
        self.history_tree.setSelectionMode(QTreeWidget.NoSelection)  # a record to read, not to pick from
        self.history_tree.setFocusPolicy(Qt.NoFocus)
        self.history_tree.setAlternatingRowColors(True)
        fm = self.history_tree.fontMetrics()
        self.history_tree.setColumnWidth(0, fm.horizontalAdvance("0000-00-00") + 32)
        self.history_tree.setColumnWidth(1, max([fm.horizontalAdvance(e.kind.label) for e in events]
                                                + [fm.horizontalAdvance(self.tr("Change"))]) + 40)
        v.addWidget(self.history_tree)
        if not events:
            self.history_tree.hide()
            empty = QLabel(self.tr("No status changes recorded for this member yet."))
            empty.setAlignment(Qt.AlignCenter)
            v.addWidget(empty)
        return page

    # -- values in and out ----------------------------------------------------------------
    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif combo.isEditable():
            combo.setEditText(str(value or ""))

    def _load(self, rec: MemberRecord) -> None:
        self.name_edit.setText(rec.name)
        self._select(self.gender_combo, rec.gender.value if rec.gender else None)
        self._select(self.ethnicity_combo, rec.ethnicity)
        if self.id_revealed:
            self.id_edit.setText(rec.id_number)
        else:
            self.id_edit.setText(idnumber.mask(rec.id_number))
            self.id_edit.setReadOnly(True)
        self.birth_edit.set_value(rec.birth_date)
        self._select(self.education_combo, rec.education)
        self._select(self.category_combo, rec.category.value if rec.category else None)
        self.joined_edit.set_value(rec.joined_on)
        self.full_edit.set_value(rec.full_member_on)
        self.post_edit.setText(rec.post)
        from desktop.services.exporter import mask_address, mask_phone
        for name, edit, mask in (("phone", self.phone_edit, mask_phone), ("address", self.address_edit, mask_address)):
            edit.setText(getattr(rec, name) if name in self.revealed else mask(getattr(rec, name)))
            edit.setReadOnly(name not in self.revealed)
        self._select(self.standing_combo, rec.party_standing.value)
        self.lost_check.setChecked(rec.lost_contact)
        self.lost_on_edit.set_value(rec.lost_contact_on)
        self.mobile_check.setChecked(rec.mobile)
        self.destination_edit.setText(rec.mobile_destination)
        self._select(self.group_combo, rec.group)
        self._select(self.dues_combo, rec.dues_category.value if rec.dues_category else None)
        self.base_edit.setText(_yuan_text(rec.dues_base_fen))
        self.note_edit.setPlainText(rec.note)

    @property
    def id_revealed(self) -> bool:
        return "id_number" in self.revealed

    def reveal_id(self) -> None:
        self._reveal("id_number", self.id_edit, self.reveal_button)

    def reveal_phone(self) -> None:
        self._reveal("phone", self.phone_edit, self.reveal_phone_button)

    def reveal_address(self) -> None:
        self._reveal("address", self.address_edit, self.reveal_address_button)

    def _reveal(self, name: str, edit: QLineEdit, button: QPushButton) -> None:
        # DESIGN (Personal data): masked unless revealed, on an explicit click, here only, and
        # shown only once the audit log has recorded it (a small write: done here, not queued).
        from desktop.services import audit
        from desktop.ui.messages import is_known, show_known_error
        value = ""
        if self.original is not None:
            try:
                value = audit.reveal(self.ctx, self.member_id, name)
            except Exception as err:
                if not is_known(err):
                    raise
                show_known_error(self, err)
                return
        self.revealed.add(name)
        edit.setReadOnly(False)
        edit.setText(value)
        button.hide()

    def _kept(self, name: str, edit: QLineEdit) -> str:
        """What the form says of a masked field: the value on record, untouched."""
        if name not in self.revealed and self.original is not None:
            return getattr(self.original, name)
        return edit.text().strip()

    def _id_value(self) -> str:
        if not self.id_revealed and self.original is not None:
            return self.original.id_number
        return idnumber.normalise(self.id_edit.text()) if self.id_edit.text().strip() else ""

    def _id_typed(self, text: str) -> None:
        """Fill birth date and gender from a valid number as it is typed; say at once when
        18 characters do not make a valid number."""
        message = self.messages["id_number"]
        message.clear_message()
        number = idnumber.normalise(text)
        if len(number) < 18:
            return
        try:
            info = idnumber.parse(number)
        except idnumber.IdNumberError as err:
            message.show_error(str(err))
            return
        self.birth_edit.set_value(info.birth_date)
        self._select(self.gender_combo, info.gender)

    def _sync_enabled(self) -> None:
        self.lost_on_edit.setEnabled(self.lost_check.isChecked())
        self.destination_edit.setEnabled(self.mobile_check.isChecked())
        # A probationary member has no date of becoming a full member (core.members.validate).
        self.full_edit.setEnabled(self.category_combo.currentData() != MemberCategory.PROBATIONARY.value)

    def collect(self) -> tuple[MemberRecord, list[tuple[str, str]]]:
        """The record the form describes, and the values that could not be read at all."""
        problems: list[tuple[str, str]] = []

        def date_of(name: str, field: DateField):
            if not field.isEnabled():
                return None
            try:
                return field.value()
            except DateError as err:
                problems.append((name, str(err)))
                return None

        base = None
        try:
            base = parse_money_fen(self.base_edit.text())
        except ValueProblem as err:
            problems.append(("dues_base_fen", str(err)))
        gender = self.gender_combo.currentData()
        category = self.category_combo.currentData()
        dues = self.dues_combo.currentData()
        rec = MemberRecord(
            id=self.member_id,
            name="".join(self.name_edit.text().split()),
            gender=Gender(gender) if gender else None,
            ethnicity=self.ethnicity_combo.currentText().strip(),
            id_number=self._id_value(),
            birth_date=date_of("birth_date", self.birth_edit),
            education=self.education_combo.currentText().strip(),
            category=MemberCategory(category) if category else None,
            joined_on=date_of("joined_on", self.joined_edit),
            full_member_on=date_of("full_member_on", self.full_edit),
            post=self.post_edit.text().strip(),
            phone=self._kept("phone", self.phone_edit),
            address=self._kept("address", self.address_edit),
            party_standing=PartyStanding(self.standing_combo.currentData()),
            lost_contact=self.lost_check.isChecked(),
            lost_contact_on=date_of("lost_contact_on", self.lost_on_edit),
            mobile=self.mobile_check.isChecked(),
            mobile_destination=self.destination_edit.text().strip() if self.mobile_check.isChecked() else "",
            group=self.group_combo.currentText().strip(),
            dues_category=DuesCategory(dues) if dues else None,
            dues_base_fen=base,
            note=self.note_edit.toPlainText().strip(),
            roll_status=self.original.roll_status if self.original else RollStatus.ACTIVE,
        )
        return rec, problems

    # -- saving ------------------------------------------------------------------------
    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear_message()
        self.summary.hide()

    def show_problems(self, errors: list[tuple[str, str]], warnings: list[tuple[str, str]]) -> None:
        elsewhere = []
        for field, text in errors:
            if field in self.messages:
                self.messages[field].show_error(text)
            else:
                elsewhere.append(text)
        for field, text in warnings:
            if field in self.messages:
                self.messages[field].show_warning(text)
            else:
                elsewhere.append(text)
        if errors:
            summary = self.tr("Please correct the {n} item(s) marked in red; the member has not been saved.").format(n=len(errors))
            colour = ERROR_COLOUR
        else:
            summary = self.tr("{n} item(s) look wrong (in orange). Check them; if they are right, press “Save anyway”.").format(n=len(warnings))
            colour = WARNING_COLOUR
        self.summary.setText("\n".join([summary] + elsewhere))
        self.summary.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.summary.show()
        first = next((self.field_widgets[f] for f, _ in errors + warnings if f in self.field_widgets), None)
        if first is not None:
            self.tabs.setCurrentIndex(0)
            first.setFocus()

    def try_save(self) -> bool:
        """What OK does. Returns whether the member was saved (and the dialog closed)."""
        self.clear_messages()
        rec, unreadable = self.collect()
        rec, problems = self.ctx.members.check(rec, self.member_id)
        errors = unreadable + problems.errors
        if errors:
            self.show_problems(errors, problems.warnings)
            self.ok_button.setText(self.tr("Save"))
            return False
        key = tuple(problems.warnings)
        if problems.warnings and self._acknowledged != key:
            self._acknowledged = key
            self.show_problems([], problems.warnings)
            self.ok_button.setText(self.tr("Save anyway"))
            return False
        try:
            if self.member_id is None:
                member_id = self.ctx.members.add(rec)
            else:
                self.ctx.members.update(self.member_id, rec)
                member_id = self.member_id
        except ValidationFailed as err:
            self.show_problems(err.problems.errors, err.problems.warnings)
            return False
        except KnownError as err:
            self.show_problems([("", str(err))], [])
            return False
        self.saved.emit(member_id)
        self.accept()
        return True
