"""A workshop date's booking follows the date: cancelling frees the room, moving moves
the booking (admin Calendar > Dates actions save the occurrence one by one)."""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from ..models import Occurrence
from .models import Booking
from .services import cancel, sync_occurrence_booking


@receiver(post_save, sender=Occurrence)
def occurrence_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    sync_occurrence_booking(instance)


@receiver(pre_delete, sender=Occurrence)
def occurrence_deleted(sender, instance, **kwargs):
    for booking in Booking.objects.filter(occurrence=instance, status=Booking.Status.CONFIRMED):
        cancel(booking, None, "Date removed from its series.")
