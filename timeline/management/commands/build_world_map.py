"""Write the map's country outlines (timeline/static/timeline/map/world-110m.svg) from
the Natural Earth TopoJSON beside it: run after replacing that file."""

from django.core.management.base import BaseCommand

from timeline.world import SVG_FILE, world_svg


class Command(BaseCommand):
    help = "Write the map's country outlines as SVG from the TopoJSON shipped with the app."

    def handle(self, *args, **options):
        SVG_FILE.write_text(world_svg())
        self.stdout.write(f"Wrote {SVG_FILE}")
