import json
import logging
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as datetime_time
from typing import Any, NotRequired

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Min
from django.utils.timezone import now
from pydantic import TypeAdapter
from typing_extensions import TypedDict

from evap.cms.models import (
    CourseLink,
    EvaluationLink,
    IgnoredEvaluation,
)
from evap.evaluation.models import (
    Contribution,
    Course,
    CourseType,
    Evaluation,
    ExamType,
    Program,
    Semester,
    UserProfile,
)
from evap.evaluation.tools import clean_email
from evap.staff.tools import update_or_create_with_changes, update_with_changes

logger = logging.getLogger(__name__)


class ImportStudent(TypedDict):
    gguid: str
    email: str
    name: str  # last name
    christianname: str  # official, full first name
    # name officially registered to address the person (not necessarily the chosen name)
    callingname: str


class ImportLecturer(TypedDict):
    gguid: str
    email: str
    name: str  # last name
    christianname: str  # official, full first name
    titlefront: str  # title


class ImportCourse(TypedDict):
    cprid: str  # name of the "course program" (name used by the CMS) -> mapped to a Program
    scale: str  # defines which grading system is used; we interpret any value as graded, ungraded if empty or missing


class ImportRelated(TypedDict):
    """A related data object represented by its gguid."""

    gguid: str


class ImportAppointment(TypedDict):
    begin: str
    end: str


LANGUAGE_MAP = {"Deutsch": "de", "Englisch": "en"}


class ImportEvent(TypedDict):
    """An event can be a teaching course or exam course that we import together as a course with two evaluations."""

    gguid: str
    title: str
    title_en: str
    type: str  # name of course type
    isexam: bool  # exam course?
    courses: NotRequired[list[ImportCourse]]  # programs
    relatedevents: NotRequired[list[ImportRelated]]  # related events are usually the respective teaching/exam course
    appointments: NotRequired[list[ImportAppointment]]
    lecturers: NotRequired[list[ImportRelated]]
    students: NotRequired[list[ImportRelated]]
    language: str  # Deutsch/Englisch


class ImportDict(TypedDict):
    students: list[ImportStudent]
    lecturers: list[ImportLecturer]
    events: list[ImportEvent]


import_dict_adapter = TypeAdapter(ImportDict)


@dataclass
class NameChange:
    old_title: str
    old_last_name: str
    old_first_name_given: str
    new_title: str
    new_last_name: str
    new_first_name_given: str
    email: str | None


@dataclass
class WarningMessage:
    obj: str
    message: str


# pylint: disable=too-many-instance-attributes
@dataclass
class ImportStatistics:
    name_changes: list[NameChange] = field(default_factory=list)
    new_courses: list[Course] = field(default_factory=list)
    new_evaluations: list[Evaluation] = field(default_factory=list)
    updated_courses: list[Course] = field(default_factory=list)
    updated_evaluations: set[Evaluation] = field(default_factory=set)
    updated_participants: list[Evaluation] = field(default_factory=list)
    attempted_evaluation_changes: list[Evaluation] = field(default_factory=list)
    attempted_participant_changes: list[Evaluation] = field(default_factory=list)
    warnings: list[WarningMessage] = field(default_factory=list)

    @staticmethod
    def _make_heading(heading: str, separator: str = "-") -> str:
        return f"{heading}\n{separator * len(heading)}\n"

    @staticmethod
    def _make_total(total: int) -> str:
        return f"({total} in total)\n\n"

    @staticmethod
    def _make_stats(heading: str, objects: Collection) -> str:
        log = ImportStatistics._make_heading(heading)
        log += ImportStatistics._make_total(len(objects))
        for obj in objects:
            log += f"- {obj}\n"
        log += "\n"
        return log

    def get_log(self) -> str:
        log = self._make_heading("JSON IMPORTER REPORT", "=")
        log += "\n"
        log += f"Import finished at {now()}\n\n"

        log += self._make_heading("Name Changes")
        log += self._make_total(len(self.name_changes))
        for name_change in self.name_changes:
            log += f"- [{name_change.old_title}] {name_change.old_last_name}, {name_change.old_first_name_given} → [{name_change.new_title}] {name_change.new_last_name}, {name_change.new_first_name_given} (email: {name_change.email})\n"
        log += "\n"

        log += self._make_stats("New Courses", self.new_courses)
        log += self._make_stats("New Evaluations", self.new_evaluations)
        log += self._make_stats("Updated Courses", self.updated_courses)
        log += self._make_stats("Updated Evaluations", self.updated_evaluations)
        log += self._make_stats("Updated Participants", self.updated_participants)
        log += self._make_stats("Attempted Evaluation Changes", self.attempted_evaluation_changes)
        log += self._make_stats("Attempted Participant Changes", self.attempted_participant_changes)

        log += self._make_heading("Warnings")
        log += self._make_total(len(self.warnings))
        for warning in self.warnings:
            log += f"- {warning.obj}: {warning.message}\n"

        return log

    def send_mail(self):
        subject = "[EvaP] JSON importer log"

        recipients = settings.JSON_IMPORTER_LOG_RECIPIENTS
        if not recipients:
            recipients = [a[1] for a in settings.ADMINS]
        bcc_addresses = []
        if settings.SEND_ALL_EMAILS_TO_ADMINS_IN_BCC:
            bcc_addresses = [a[1] for a in settings.ADMINS]

        mail = EmailMultiAlternatives(
            subject=subject,
            body=self.get_log(),
            from_email=settings.SERVER_EMAIL,
            to=recipients,
            bcc=bcc_addresses,
        )
        mail.send()


def _clean_whitespaces_and_hyphens(text: str) -> str:
    """Normalize to single space characters and en-dashes."""
    return re.sub(r"\s+", " ", text.strip()).replace(" - ", " \u2013 ")


class ImportCache[T: (CourseType, ExamType, Program)]:
    """A helper class for importing objects by their import_names attribute.

    Avoids repeated database queries by maintaining a mapping from normalized import names to model instances.
    If a lookup fails, the object is created automatically and added to the cache.
    """

    def __init__(self, model: type[T]) -> None:
        self.model: type[T] = model
        self.cache: dict[str, T] = {
            import_name.strip().lower(): model_instance
            for model_instance in model.objects.all()
            for import_name in model_instance.import_names
        }

    def get(self, name: str) -> T:
        lookup = _clean_whitespaces_and_hyphens(name).lower()
        if lookup in self.cache:
            return self.cache[lookup]

        obj, __ = self.model.objects.get_or_create(
            name_de=name,
            defaults={"name_en": name, "import_names": [name]},
        )

        if name not in obj.import_names:
            obj.import_names.append(name)
            obj.save()

        self.cache[lookup] = obj
        return obj


# pylint: disable=too-many-instance-attributes
class JSONImporter:
    DATETIME_FORMAT = "%d.%m.%Y %H:%M:%S"
    MIDNIGHT = datetime_time()

    def __init__(self, semester: Semester, default_course_end: date) -> None:
        self.semester = semester
        self.default_course_end = default_course_end
        self.users_by_gguid: dict[str, UserProfile] = {}
        self.course_type_cache = ImportCache(CourseType)
        self.exam_type_cache = ImportCache(ExamType)
        self.program_cache = ImportCache(Program)
        self.statistics = ImportStatistics()

        # raw events
        self.events_by_gguid: dict[str, ImportEvent] = {}
        # events already parsed as courses
        self.courses_by_gguid: dict[str, Course] = {}

    def get_main_evaluation_data(self, exam_event: ImportEvent) -> ImportEvent:
        # Exam events have the non-exam event (its main evaluation) as a single entry in the relatedevents list

        # expects exam evaluation as input
        assert len(exam_event["relatedevents"]) == 1
        return self.events_by_gguid[exam_event["relatedevents"][0]["gguid"]]

    def _extract_number_in_name(self, name: str, wanted_name: str) -> int | None:
        if not name.startswith(wanted_name):
            return None
        name = name.removeprefix(wanted_name).strip()
        if not name:
            return 1
        if not (name.startswith("(") and name.endswith(")")):
            return None
        name = name.removeprefix("(").removesuffix(")")
        try:
            number = int(name)
        except ValueError:
            return None
        if number < 0:
            return None
        return number

    def _disambiguate_name(self, wanted_name: str, current_names: Iterable[str]) -> str:
        matches = (self._extract_number_in_name(name, wanted_name) for name in current_names)
        real_matches = [match for match in matches if match is not None]
        if not real_matches:
            return wanted_name
        number = max(real_matches)
        return f"{wanted_name} ({number + 1})"

    def _get_first_name_given(self, entry: ImportStudent) -> str:
        if entry["callingname"]:
            return entry["callingname"]
        return entry["christianname"]

    def _get_users_with_longest_title(self, user_profiles: list[UserProfile]) -> list[UserProfile]:
        max_title_len = max((len(user.title) for user in user_profiles), default=0)
        return [user for user in user_profiles if len(user.title) == max_title_len]

    def _remove_non_responsible_users(self, user_profiles: list[UserProfile]) -> list[UserProfile]:
        return [user for user in user_profiles if user.email not in settings.NON_RESPONSIBLE_USERS]

    def _get_user_profiles(self, data: list[ImportRelated]) -> list[UserProfile]:
        # as we skip probably some user profiles during import, they might not exist
        return [self.users_by_gguid[related["gguid"]] for related in data if related["gguid"] in self.users_by_gguid]

    def _create_name_change_from_changes(self, user_profile: UserProfile, changes: dict[str, tuple[Any, Any]]) -> None:
        change = NameChange(
            old_title=changes["title"][0] if changes.get("title") else user_profile.title,
            old_last_name=changes["last_name"][0] if changes.get("last_name") else user_profile.last_name,
            old_first_name_given=(
                changes["first_name_given"][0] if changes.get("first_name_given") else user_profile.first_name_given
            ),
            new_title=user_profile.title,
            new_last_name=user_profile.last_name,
            new_first_name_given=user_profile.first_name_given,
            email=user_profile.email,
        )
        self.statistics.name_changes.append(change)

    def _import_students(self, data: list[ImportStudent]) -> None:
        for entry in data:
            email = clean_email(entry["email"])
            first_name_given = _clean_whitespaces_and_hyphens(self._get_first_name_given(entry))
            last_name = _clean_whitespaces_and_hyphens(entry["name"])
            if not email:
                self.statistics.warnings.append(
                    WarningMessage(obj=f"Student {first_name_given} {last_name}", message="No email defined")
                )
            else:
                if email in settings.IGNORE_USERS:
                    continue

                user_profile, __, changes = update_or_create_with_changes(
                    UserProfile,
                    email=email,
                    defaults={"last_name": last_name, "first_name_given": first_name_given},
                )
                if changes:
                    self._create_name_change_from_changes(user_profile, changes)

                self.users_by_gguid[entry["gguid"]] = user_profile

    def _import_lecturers(self, data: list[ImportLecturer]) -> None:
        for entry in data:
            email = clean_email(entry["email"])
            first_name_given = _clean_whitespaces_and_hyphens(entry["christianname"])
            last_name = _clean_whitespaces_and_hyphens(entry["name"])
            if not email:
                self.statistics.warnings.append(
                    WarningMessage(
                        obj=f"Contributor {first_name_given} {last_name}",
                        message="No email defined",
                    )
                )
            else:
                if email in settings.IGNORE_USERS:
                    continue

                user_profile, __, changes = update_or_create_with_changes(
                    UserProfile,
                    email=email,
                    defaults={
                        "last_name": last_name,
                        "first_name_given": first_name_given,
                        "title": _clean_whitespaces_and_hyphens(entry["titlefront"]),
                    },
                )
                if changes:
                    self._create_name_change_from_changes(user_profile, changes)

                self.users_by_gguid[entry["gguid"]] = user_profile

    def _import_course(self, data: ImportEvent, course_type: CourseType | None = None) -> Course | None:
        course_type = self.course_type_cache.get(data["type"]) if course_type is None else course_type

        if course_type.skip_on_automated_import:
            self.statistics.warnings.append(
                WarningMessage(
                    obj=data["title"],
                    message=f"Course skipped because skipping of courses with type {course_type.name_en} is activated",
                )
            )
            return None

        if not data["title_en"]:
            data["title_en"] = data["title"]

        try:
            cms_course_link = CourseLink.objects.get(cms_id=data["gguid"])
            if not cms_course_link.is_active:
                return None

            course = cms_course_link.course
            changes = update_with_changes(
                course,
                {
                    "name_de": _clean_whitespaces_and_hyphens(data["title"]),
                    "name_en": _clean_whitespaces_and_hyphens(data["title_en"]),
                },
            )
            if changes:
                self.statistics.updated_courses.append(course)
        except CourseLink.DoesNotExist:
            course = Course.objects.create(
                semester=self.semester,
                name_de=_clean_whitespaces_and_hyphens(data["title"]),
                name_en=_clean_whitespaces_and_hyphens(data["title_en"]),
                type=course_type,
            )

            responsibles = self._get_user_profiles(data["lecturers"])
            responsibles = self._remove_non_responsible_users(responsibles)
            responsibles = self._get_users_with_longest_title(responsibles)
            course.responsibles.set(responsibles)

            CourseLink.objects.create(course=course, cms_id=data["gguid"])
            self.statistics.new_courses.append(course)

        self.courses_by_gguid[data["gguid"]] = course

        return course

    def _import_course_programs(self, course: Course, data: ImportEvent) -> None:
        if "courses" not in data or not data["courses"]:
            self.statistics.warnings.append(
                WarningMessage(
                    obj=course.name, message="No 'courses' defined in import data, Programs can't be assigned"
                )
            )
        else:
            program_import_names = [c["cprid"] for c in data["courses"] if c["cprid"] not in settings.IGNORE_PROGRAMS]

            programs = [self.program_cache.get(c) for c in program_import_names]

            course.programs.add(*programs)

    def _import_course_from_unused_exam(self, data: ImportEvent) -> Course | None:
        try:
            course_type = CourseType.objects.get(import_names__contains=[data["type"]])
        except CourseType.DoesNotExist:
            return None

        return self._import_course(data, course_type)

    # pylint: disable=too-many-locals
    def _import_evaluation(  # noqa: PLR0912, PLR0915
        self, cms_course: Course, data: ImportEvent, earliest_exam_date: date | None = None
    ) -> Evaluation | None:
        # Don't import ignored evaluations again
        if IgnoredEvaluation.objects.filter(cms_id=data["gguid"]).exists():
            return None

        # Skip evaluations with inactive link
        if EvaluationLink.objects.filter(cms_id=data["gguid"], is_active=False).exists():
            return None

        course = cms_course  # by default, we use the course listed in the cms as the evaluation's course
        try:
            evaluation = Evaluation.objects.get(cms_evaluation_links__cms_id=data["gguid"])
            # if the evaluation already exists, we use its course in case it was merged into a different course
            course = evaluation.course
        except Evaluation.DoesNotExist:
            evaluation = None

        if "appointments" not in data or not data["appointments"]:
            course_info = f"{course.name} ({course.type})"
            if data["isexam"]:
                course_info += " [Exam]"
            # Warning is only necessary at time of creation
            # Changes made afterward are logged as updates and can be reviewed individually
            if not evaluation:
                self.statistics.warnings.append(
                    WarningMessage(obj=course_info, message="No dates defined, using default end date")
                )
            course_end = datetime.combine(self.default_course_end, self.MIDNIGHT)
        else:
            course_end = max(datetime.strptime(app["end"], self.DATETIME_FORMAT) for app in data["appointments"])

        name_de, name_en = "", ""

        if data["isexam"]:
            # Set evaluation period of three days for exam evaluations:
            evaluation_start_datetime = course_end.replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(
                days=1
            )
            evaluation_end_date = (course_end + settings.EXAM_EVALUATION_DEFAULT_DURATION).date()

            exam_type = self.exam_type_cache.get(data["type"])
            if not evaluation:
                name_de = data["title"].split(" - ")[-1] if " - " in data["title"] else exam_type.name_de
                name_en = data["title_en"].split(" - ")[-1] if " - " in data["title_en"] else exam_type.name_en
                name_de = self._disambiguate_name(
                    _clean_whitespaces_and_hyphens(name_de), course.evaluations.values_list("name_de", flat=True)
                )
                name_en = self._disambiguate_name(
                    _clean_whitespaces_and_hyphens(name_en), course.evaluations.values_list("name_en", flat=True)
                )

            weight = settings.EXAM_EVALUATION_DEFAULT_WEIGHT

            # Update previously created main evaluation
            # If events are graded for any program, wait for grade upload before publishing
            if "courses" not in data or not data["courses"]:
                wait_for_grade_upload_before_publishing = True
            else:
                wait_for_grade_upload_before_publishing = any(grade["scale"] for grade in data["courses"])

            if course.evaluations.exclude(
                wait_for_grade_upload_before_publishing=wait_for_grade_upload_before_publishing
            ).exists():
                course.evaluations.all().update(
                    wait_for_grade_upload_before_publishing=wait_for_grade_upload_before_publishing
                )

            is_rewarded = False
        else:
            # Set evaluation period of two weeks for normal evaluations:
            # Start datetime is at 8:00 am on the monday in the week before the event ends
            evaluation_start_datetime = course_end.replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(
                weeks=1, days=course_end.weekday()
            )
            # End date is on the sunday in the week the event ends
            evaluation_end_date = (course_end + timedelta(days=6 - course_end.weekday())).date()

            # Change evaluation period according to earliest exam date, if the course has an exam
            if earliest_exam_date:
                if earliest_exam_date <= evaluation_start_datetime.date():
                    # Warning is only necessary at time of creation
                    # Changes made afterward are logged as updates and can be reviewed individually
                    if not evaluation:
                        self.statistics.warnings.append(
                            WarningMessage(
                                obj=course.name,
                                message=f"Exam date ({earliest_exam_date}) is on or before start date of main evaluation",
                            )
                        )
                elif earliest_exam_date - evaluation_start_datetime.date() < timedelta(days=4):
                    # Warning is only necessary at time of creation
                    # Changes made afterward are logged as updates and can be reviewed individually
                    if not evaluation:
                        self.statistics.warnings.append(
                            WarningMessage(
                                obj=course.name,
                                message="Not automatically updating vote end date of main evaluation to day before exam because evaluation period would be less than 3 days",
                            )
                        )
                else:
                    evaluation_end_date = earliest_exam_date - timedelta(days=1)

            exam_type = None

            weight = settings.MAIN_EVALUATION_DEFAULT_WEIGHT

            # Might be overwritten when importing related exam evaluation
            wait_for_grade_upload_before_publishing = True

            is_rewarded = True

        main_language = LANGUAGE_MAP.get(data["language"], Evaluation.UNDECIDED_MAIN_LANGUAGE)
        if main_language == Evaluation.UNDECIDED_MAIN_LANGUAGE and data["isexam"]:
            related_main_evaluation = self.get_main_evaluation_data(data)
            main_language = LANGUAGE_MAP.get(related_main_evaluation["language"], Evaluation.UNDECIDED_MAIN_LANGUAGE)

        if main_language == Evaluation.UNDECIDED_MAIN_LANGUAGE and not evaluation:
            self.statistics.warnings.append(
                WarningMessage(
                    obj=data["title"],
                    message=f'Event has an unknown language ("{data["language"]}"), main language was set to undecided',
                )
            )

        # Collect participants from all linked evaluations
        if evaluation and evaluation.cms_evaluation_links.count() > 1:
            cms_ids = [cms_evaluation_link.cms_id for cms_evaluation_link in evaluation.cms_evaluation_links.all()]
            student_data = []
            for cms_id in cms_ids:
                event = self.events_by_gguid[cms_id]
                if "students" in event:
                    student_data.extend(event["students"])
        else:
            student_data = data["students"] if "students" in data else []
        participants = self._get_user_profiles(student_data) if student_data else []

        defaults = {
            "exam_type": exam_type,
            "vote_start_datetime": evaluation_start_datetime,
            "vote_end_date": evaluation_end_date,
            "wait_for_grade_upload_before_publishing": wait_for_grade_upload_before_publishing,
            "weight": weight,
            "is_rewarded": is_rewarded,
            "main_language": main_language,
        }

        created = not evaluation
        if not evaluation:
            evaluation = Evaluation.objects.create(
                course=course,
                # we only want to set names on creation to avoid renumbering
                name_de=name_de,
                name_en=name_en,
                **defaults,
            )
            EvaluationLink.objects.create(evaluation=evaluation, cms_id=data["gguid"])

        # Only allow changes for new evaluations and if they have not more than one evaluation link
        # Otherwise, data may already have been changed or be ambiguous
        allow_evaluation_changes = (
            evaluation.state == Evaluation.State.NEW and evaluation.cms_evaluation_links.count() == 1
        )
        direct_changes = update_with_changes(evaluation, defaults, dry_run=not allow_evaluation_changes)
        assert not direct_changes or not created
        if direct_changes and allow_evaluation_changes:
            self.statistics.updated_evaluations.add(evaluation)
        elif direct_changes:
            self.statistics.attempted_evaluation_changes.append(evaluation)

        # Only allow participant changes for evaluations that have not yet started
        allow_participant_changes = evaluation.state < Evaluation.State.IN_EVALUATION
        participant_changes = set(evaluation.participants.all()) != set(participants)
        if participant_changes and allow_participant_changes:
            evaluation.participants.set(participants)
            self.statistics.updated_participants.append(evaluation)
        elif participant_changes:
            self.statistics.attempted_participant_changes.append(evaluation)

        # Only allow changes for new evaluations and if they have not more than one evaluation link
        # Otherwise, data may already have been changed or be ambiguous
        allow_contributor_changes = (
            evaluation.state == Evaluation.State.NEW and evaluation.cms_evaluation_links.count() == 1
        )
        any_lecturers_changed = False
        if allow_contributor_changes and "lecturers" not in data:
            self.statistics.warnings.append(WarningMessage(obj=evaluation.full_name, message="No contributors defined"))
        elif allow_contributor_changes:
            for lecturer in data["lecturers"]:
                __, lecturer_created = self._import_contribution(evaluation, lecturer)
                any_lecturers_changed |= lecturer_created
        if any_lecturers_changed and not created:
            self.statistics.updated_evaluations.add(evaluation)

        if created:
            self.statistics.new_evaluations.append(evaluation)

        return evaluation

    def _import_contribution(self, evaluation: Evaluation, data: ImportRelated) -> tuple[Contribution | None, bool]:
        if data["gguid"] not in self.users_by_gguid:
            return None, False

        user_profile = self.users_by_gguid[data["gguid"]]

        if user_profile.email in settings.NON_RESPONSIBLE_USERS:
            return None, False

        contribution, created = Contribution.objects.get_or_create(
            evaluation=evaluation,
            contributor=user_profile,
            defaults={
                "role": Contribution.Role.EDITOR,
                "textanswer_visibility": Contribution.TextAnswerVisibility.GENERAL_TEXTANSWERS,
            },
        )
        return contribution, created

    def _import_events(self, data: list[ImportEvent]) -> None:  # noqa:PLR0912
        # Divide in multiple lists to handle individually
        non_exam_events, exam_events, exam_events_without_related_non_exam_event = [], [], []
        for event in data:
            self.events_by_gguid[event["gguid"]] = event
            if not event["isexam"]:
                non_exam_events.append(event)
            elif event.get("relatedevents"):
                exam_events.append(event)
            else:
                exam_events_without_related_non_exam_event.append(event)

        # Only import courses in first step, don't create evaluations yet
        for event in non_exam_events:
            course = self._import_course(event)

        for event in exam_events:
            # We lookup the Course from the main evaluation to add the exam evaluation to the same Course

            # Don't import if course was skipped
            course = self.courses_by_gguid.get(self.get_main_evaluation_data(event)["gguid"])
            if course is None:
                continue

            self._import_course_programs(course, event)
            self._import_evaluation(course, event)

        # Now import main evaluations
        for event in non_exam_events:
            course = self.courses_by_gguid.get(event["gguid"])
            if course is not None:
                min_vote_start_datetime = course.evaluations.filter(exam_type__isnull=False).aggregate(
                    Min("vote_start_datetime")
                )["vote_start_datetime__min"]
                earliest_exam_date = (
                    min_vote_start_datetime.date() - timedelta(days=1) if min_vote_start_datetime else None
                )
                self._import_evaluation(course, event, earliest_exam_date=earliest_exam_date)

        # Handle exam events that exist on their own without a related non-exam event
        # They can be handled like non-exam events if they have a prefix existing in CourseType import names,
        # this replaces the necessary CourseType information otherwise defined in non-exam events
        for event in exam_events_without_related_non_exam_event:
            course_from_unused_exam = self._import_course_from_unused_exam(event)
            if not course_from_unused_exam:
                self.statistics.warnings.append(
                    WarningMessage(obj=event["title"], message="No related event or matching prefix found")
                )
                continue
            event["isexam"] = False
            self._import_course_programs(course_from_unused_exam, event)
            self._import_evaluation(course_from_unused_exam, event)

    @transaction.atomic
    def import_dict(self, data: dict) -> None:
        validated_data = import_dict_adapter.validate_python(data, strict=True)

        self._import_students(validated_data["students"])
        self._import_lecturers(validated_data["lecturers"])
        self._import_events(validated_data["events"])
        self.statistics.send_mail()

    def import_json(self, data: str) -> None:
        self.import_dict(json.loads(data))
