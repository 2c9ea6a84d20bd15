"""
Utilities for courses/certificates
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
import re
from requests.exceptions import HTTPError

from courses.constants import (
    COURSE_KEY_PATTERN,
    PROGRAM_RUN_ID_PATTERN,
    PROGRAM_TEXT_ID_PREFIX,
)
from courses.models import (
    CourseRun,
    CourseRunCertificate,
    CourseRunGrade,
    Program,
    ProgramCertificate,
    ProgramEnrollment,
    CourseLanguage,
)
from courseware.api import get_edx_api_course_list_client
from mitxpro.utils import has_equal_properties, now_in_utc

log = logging.getLogger(__name__)


def ensure_course_run_grade(user, course_run, edx_grade, should_update=False):  # noqa: FBT002
    """
    Ensure that the local grades repository has the grade for the User/CourseRun combination supplied.

    Args:
        user (user.models.User): The user for whom the grade is being synced
        course_run (courses.models.CourseRun): The course run for which the grade is created
        edx_grade (edx_api.grades.models.UserCurrentGrade): The OpenEdx grade object
        should_update (bool): Update the local grade record if it exists

    Returns:
        (courses.models.CourseRunGrade, bool, bool) that depicts the CourseRunGrade, created and updated values
    """
    grade_properties = {
        "grade": edx_grade.percent,
        "passed": edx_grade.passed,
        "letter_grade": edx_grade.letter_grade,
    }

    updated = False
    if should_update:
        with transaction.atomic():
            (
                run_grade,
                created,
            ) = CourseRunGrade.objects.select_for_update().get_or_create(
                course_run=course_run, user=user, defaults=grade_properties
            )

            if (
                not created
                and not run_grade.set_by_admin
                and not has_equal_properties(run_grade, grade_properties)
            ):
                # Perform actual update now.
                run_grade.grade = edx_grade.percent
                run_grade.passed = edx_grade.passed
                run_grade.letter_grade = edx_grade.letter_grade
                run_grade.save_and_log(None)
                updated = True

    else:
        run_grade, created = CourseRunGrade.objects.get_or_create(
            course_run=course_run, user=user, defaults=grade_properties
        )
    return run_grade, created, updated


def process_course_run_grade_certificate(course_run_grade):
    """
    Ensure that the course run certificate is in line with the values in the course run grade

    Args:
        course_run_grade (courses.models.CourseRunGrade): The course run grade for which to generate/delete the certificate

    Returns:
        (courses.models.CourseRunCertificate, bool, bool) that depicts the CourseRunCertificate, created, deleted values
    """
    user = course_run_grade.user
    course_run = course_run_grade.course_run

    # A grade of 0.0 indicates that the certificate should be deleted
    should_delete = not bool(course_run_grade.grade)
    should_create = course_run_grade.passed

    if should_delete:
        delete_count, _ = CourseRunCertificate.objects.filter(
            user=user, course_run=course_run
        ).delete()
        return None, False, (delete_count > 0)
    elif should_create:
        certificate, created = CourseRunCertificate.objects.get_or_create(
            user=user, course_run=course_run
        )
        return certificate, created, False
    return None, False, False


def generate_program_certificate(user, program):
    """
    Create a program certificate if the user has a course certificate
    for each course in the program. Also, It will create the
    program enrollment if it does not exist for the user.

    Args:
        user (User): a Django user.
        program (programs.models.Program): program where the user is enrolled.

    Returns:
        (ProgramCertificate or None, bool): A tuple containing a
        ProgramCertificate (or None if one was not found or created) paired
        with a boolean indicating whether the certificate was newly created.
    """
    existing_cert_queryset = ProgramCertificate.objects.filter(
        user=user, program=program
    )
    if existing_cert_queryset.exists():
        get_or_create_program_enrollment(user, program)
        return existing_cert_queryset.first(), False

    courses_in_program_ids = set(program.courses.values_list("id", flat=True))
    num_courses_with_cert = (
        CourseRunCertificate.objects.filter(
            user=user, course_run__course_id__in=courses_in_program_ids
        )
        .distinct()
        .count()
    )

    if len(courses_in_program_ids) > num_courses_with_cert:
        return None, False

    program_cert = ProgramCertificate.objects.create(user=user, program=program)
    if program_cert:
        log.info(
            "Program certificate for [%s] in program [%s] is created.",
            user.username,
            program.title,
        )
        _, created = get_or_create_program_enrollment(user, program)

        if created:
            log.info(
                "Program enrollment for [%s] in program [%s] is created.",
                user.username,
                program.title,
            )

    return program_cert, True


def get_or_create_program_enrollment(user, program):
    """
    Get or create new program enrollment.

    Args:
        user (User): a Django user.
        program (programs.models.Program): program where the user is enrolled.
    Returns:
        (ProgramEnrollment, bool): A tuple containing a
        ProgramEnrollment object paired with a boolean
        indicating whether the enrollment was newly created.
    """
    try:
        return ProgramEnrollment.objects.get_or_create(
            program=program, user=user, defaults={"active": True, "change_status": None}
        )
    except ProgramEnrollment.MultipleObjectsReturned:
        return (
            ProgramEnrollment.objects.filter(program=program, user=user).first(),
            False,
        )


def revoke_program_certificate(
    user, readable_id, revoke_state, include_program_courses
):
    """
    Revoked a program certificate.

    Args:
        user (User): a Django user.
        readable_id: represents the program (readable_id) for revoking a ProgramCertificate.
        revoke_state: (bool) override the is_revoked state of ProgramCertificate.
        include_program_courses: (bool) Indicate to revoke/un-revoke all course runs that are associated with a program.
    """
    program = Program.objects.get(readable_id=readable_id)
    try:
        program_certificate = ProgramCertificate.all_objects.get(
            user=user, program__readable_id=readable_id
        )
    except ProgramCertificate.DoesNotExist:
        log.warning(
            "Program certificate for user: %s in program %s does not exist.",
            user.username,
            readable_id,
        )
        return False

    program_certificate.is_revoked = revoke_state
    program_certificate.save()

    if include_program_courses:
        courses_in_program_ids = set(program.courses.values_list("id", flat=True))
        CourseRunCertificate.all_objects.filter(
            user=user, course_run__course_id__in=courses_in_program_ids
        ).update(is_revoked=revoke_state)

        log.info(
            "Course certificates associated with that program: [%s] are also updated",
            program,
        )

    return True


def revoke_course_run_certificate(user, courseware_id, revoke_state):
    """
    Revoked a course run certificate.

    Args:
        user (User): a Django user.
        courseware_id: represents the course run.
        revoke_state: represents the course run (courseware_id) for revoking a CourseRunCertificate.
    """
    course_run = CourseRun.objects.get(courseware_id=courseware_id)
    try:
        course_run_certificate = CourseRunCertificate.all_objects.get(
            user=user, course_run=course_run
        )
    except CourseRunCertificate.DoesNotExist:
        log.warning(
            "Course run certificate for user: %s and course_run: %s does not exist.",
            user.username,
            course_run,
        )
        return False

    course_run_certificate.is_revoked = revoke_state
    course_run_certificate.save()

    return True


def sync_course_runs(runs):
    """
    Sync course run dates and title from Open edX using course list API

    Args:
        runs ([CourseRun]): list of CourseRun objects.

    Returns:
        (int, int, int): A tuple containing the number of successful updates,
        failed updates, and unchanged course runs.
    """
    api_client = get_edx_api_course_list_client()

    success_count = 0
    failure_count = 0
    unchanged_count = 0

    field_mapping = {
        "name": "title",
        "start": "start_date",
        "end": "end_date",
        "enrollment_start": "enrollment_start",
        "enrollment_end": "enrollment_end",
    }

    runs_by_courseware_id = {}
    invalid_course_keys = []

    for run in runs:
        if re.match(COURSE_KEY_PATTERN, run.courseware_id):
            runs_by_courseware_id[run.courseware_id] = run
        else:
            invalid_course_keys.append(run.courseware_id)

    if invalid_course_keys:
        log.warning("Skipping invalid course keys: %s", invalid_course_keys)

    if not runs_by_courseware_id:
        log.warning("No valid course keys found to sync")
        return 0, len(runs), 0

    valid_course_keys = list(runs_by_courseware_id.keys())

    try:
        received_course_ids = set()
        for course_detail in api_client.get_courses(
            course_keys=valid_course_keys,
            username=settings.OPENEDX_SERVICE_WORKER_USERNAME,
        ):
            received_course_ids.add(course_detail.course_id)

            if course_detail.course_id not in runs_by_courseware_id:
                log.warning(
                    "Course detail received for unrequested course: %s",
                    course_detail.course_id,
                )
                continue

            run = runs_by_courseware_id[course_detail.course_id]

            has_changes = False

            for api_field, model_field in field_mapping.items():
                api_value = getattr(course_detail, api_field)
                model_value = getattr(run, model_field)

                if api_value != model_value:
                    has_changes = True
                    setattr(run, model_field, api_value)

                    # Reset the expiration_date so it is calculated automatically and
                    # does not raise a validation error now that the start or end date
                    # has changed.
                    if model_field in ("start_date", "end_date"):
                        run.expiration_date = None

            if not has_changes:
                log.info(
                    "No changes detected for %s, skipping update", run.courseware_id
                )
                unchanged_count += 1
                continue

            try:
                run.save()
                success_count += 1
                log.info("Updated course run: %s", run.courseware_id)
            except Exception as e:  # noqa: BLE001
                # Report any validation or otherwise model errors
                log.error("%s: %s", str(e), run.courseware_id)
                failure_count += 1

        missing_course_ids = set(valid_course_keys) - received_course_ids
        if missing_course_ids:
            log.warning(
                "No data received for requested courses: %s",
                list(missing_course_ids),
            )

    except HTTPError as e:
        failure_count = len(runs_by_courseware_id)
        log.error("Bulk sync failed with HTTP error: %s", str(e))
    except Exception as e:  # noqa: BLE001
        failure_count = len(runs_by_courseware_id)
        log.error("Bulk sync failed with unexpected error: %s", str(e))

    return success_count, failure_count, unchanged_count


def is_program_text_id(item_text_id):
    """
    Analyzes a text id for some enrollable item and returns True if it's a program id

    Args:
        item_text_id (str): The text id for some enrollable item (program/course run)

    Returns:
        bool: True if the given id is a program id
    """
    return item_text_id.startswith(PROGRAM_TEXT_ID_PREFIX)


def get_courseware_object_from_text_id(text_id):
    """
    Resolves a text id that references a Program or CourseRun into the matching object.

    Handles program run ids that carry a run tag suffix (e.g. "program-v1:xPRO+QCF+R24"),
    plain program ids, and course run ids. This does not require an associated Product, so
    it resolves courseware whose product is inactive/expired (as is common when processing
    refunds).

    Args:
        text_id (str): A text id for a Program/CourseRun (optionally with a program run suffix)

    Returns:
        Program or CourseRun: The courseware object matching the given text id

    Raises:
        Program.DoesNotExist: if a program (run) text id matches no Program
        CourseRun.DoesNotExist: if a course run text id matches no CourseRun
    """
    program_run_match = re.match(PROGRAM_RUN_ID_PATTERN, text_id)
    if program_run_match:
        match_dict = program_run_match.groupdict()
        # A Program's own readable_id may end in something that looks like a run tag
        # without an associated ProgramRun. Prefer a Program that has a ProgramRun for
        # the suffix; otherwise fall back to a Program whose readable_id is the full
        # text id. Two separate queries keep the result deterministic (an OR query that
        # joins programruns can duplicate the full-id Program across its runs).
        program = (
            Program.objects.filter(
                readable_id=match_dict["text_id_base"],
                programruns__run_tag=match_dict["run_tag"],
            ).first()
            or Program.objects.filter(readable_id=text_id).first()
        )
        if program is None:
            raise Program.DoesNotExist
        return program
    if is_program_text_id(text_id):
        return Program.objects.get(readable_id=text_id)
    return CourseRun.objects.get(courseware_id=text_id)


def get_catalog_course_filter(relative_filter=""):
    """
    Generates course filter for the catalog visible course pages.
    """
    courseware_live_filter = {
        f"{relative_filter}course__live": True,
        f"{relative_filter}course__courseruns__live": True,
        f"{relative_filter}live": True,
    }
    courserun_start_date_filter = {
        f"{relative_filter}course__courseruns__start_date__isnull": False,
        f"{relative_filter}course__courseruns__start_date__gt": now_in_utc(),
    }
    courserun_enrollment_end_filter = {
        f"{relative_filter}course__courseruns__enrollment_end__isnull": False,
        f"{relative_filter}course__courseruns__enrollment_end__gt": now_in_utc(),
    }

    return Q(
        Q(**courseware_live_filter)
        & Q(Q(**courserun_start_date_filter) | Q(**courserun_enrollment_end_filter))
    )


def get_catalog_languages():
    """
    Returns the languages that are associated with courses or programs visible in the catalog
    """
    # We will not add any filters for programs here because the visibility of the programs on catalog
    # page depends on the visibility of the courses in the program. Also, We expect the program and
    # course languages to be the same. So, we will only consider the course languages here.
    course_languages = (
        CourseLanguage.objects.filter(
            Q(get_catalog_course_filter("coursepage__"))
            | Q(get_catalog_course_filter("externalcoursepage__")),
            is_active=True,
        )
        .distinct()
        .order_by("priority")
        .values_list("name", flat=True)
    )

    return list(course_languages)
