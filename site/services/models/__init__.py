"""Models of the services app. Other apps import them from here:
``from maison.services.models import Need, Audience, PolePage, PlacePage, ServicePage``."""

from .pages import (
    CostChoices,
    PolePage,
    RelatedService,
    ServiceHoursException,
    ServicePage,
    ServicePlace,
    ServicesIndexPage,
    ServiceWeeklyHours,
)
from .places import (
    PlaceHoursException,
    PlacePage,
    PlacePartner,
    PlacesIndexPage,
    PlaceStatus,
    PlaceWeeklyHours,
    StepFreeAccess,
)
from .requests import RETENTION_MONTHS, TechnopreventionRequest, TechnopreventionRequestPage
from .taxonomy import Audience, Funder, Language, Need, localized_all

__all__ = [
    "RETENTION_MONTHS",
    "Audience",
    "CostChoices",
    "Funder",
    "Language",
    "Need",
    "PlaceHoursException",
    "PlacePage",
    "PlacePartner",
    "PlaceStatus",
    "PlaceWeeklyHours",
    "PlacesIndexPage",
    "PolePage",
    "RelatedService",
    "ServiceHoursException",
    "ServicePage",
    "ServicePlace",
    "ServiceWeeklyHours",
    "ServicesIndexPage",
    "StepFreeAccess",
    "TechnopreventionRequest",
    "TechnopreventionRequestPage",
    "localized_all",
]
