"""Room bookings: the guarantee (no two confirmed bookings of a room overlap, buffers
included), the rules, recurring bookings, staff admin views, partner requests and feeds.
See docs/BOOKINGS.md."""
