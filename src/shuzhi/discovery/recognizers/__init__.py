"""The built-in recognizers, one module per family; importing this package registers them all."""

from shuzhi.discovery.recognizers import (  # noqa: F401
    contact,
    finance,
    identity,
    network,
    organisation,
    person,
    place,
    sensitive,
    vehicle,
)
