from django.utils.translation import gettext as t
from django.utils.translation import gettext_lazy as _

from process.cli import CollectionCommand
from process.util import get_publisher
from process.util import wrap as w

routing_key = "wiper"


class Command(CollectionCommand):
    help = w(
        t(
            "Delete a collection and its ancestors. Rows in the package_data and data tables are deleted only if "
            "DEDUPLICATE_DATA is disabled; otherwise, use the deleteorphan command to delete them."
        )
    )

    def add_collection_arguments(self, parser):
        parser.add_argument("-f", "--force", action="store_true", help=_("delete the collection(s) without prompting"))

    def handle_collection(self, collection, *args, **options):
        if not options["force"]:
            confirm = input(f"Collection {collection} will be deleted. Do you want to continue? [y/N] ")
            if confirm.lower() != "y":
                return

        if options["verbosity"] > 0:
            self.stderr.write(f"Working ({collection.pk})... ", ending="")

        with get_publisher() as client:
            client.publish({"collection_id": collection.pk}, routing_key=routing_key)

        if options["verbosity"] > 0:
            self.stderr.write(self.style.SUCCESS("done"))
