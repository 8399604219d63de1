-- GET /api/v1/alerts reads newest first, a page at a time after the (raised_at, id) of the last alert it returned.
drop index alert_by_time;
create index alert_by_time on alert (raised_at desc, id desc);
