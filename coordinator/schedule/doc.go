// Package schedule says when time triggers fire, and keeps the coordinator's
// in-memory index of active time jobs.
//
// Parse turns an attestation.TimeTrigger into a Schedule, whose Next gives
// the first slot strictly after a time, within [Start, End] (End 0: no end).
// Slots are whole unix seconds:
//   - interval: Start + k·Interval, k ≥ 0; without a Start (0), the
//     multiples of Interval since the unix epoch, so that every node
//     derives the same grid.
//   - once: each of Times.
//   - cron: a cron expression evaluated in TimeZone (an IANA name, "" for
//     UTC), parsed by ParseCron.
//
// # Cron expressions
//
// Five fields "minute hour day-of-month month day-of-week", or six with
// seconds first ("second minute hour day-of-month month day-of-week"); five
// fields fire at second 0. Each field is a comma-separated list of
// "*", a value, a range "a-b", and steps "*/n", "a-b/n" or "a/n" (from a to
// the field's end). Ranges:
//
//	second 0-59, minute 0-59, hour 0-23, day of month 1-31,
//	month 1-12 or JAN-DEC, day of week 0-7 or SUN-SAT (0 and 7 are Sunday)
//
// Names are case-insensitive and may bound ranges ("MON-FRI"). A range
// cannot wrap ("FRI-MON" is an error) and a step cannot exceed the field's
// range. "?" may stand for "*" in the day-of-month and day-of-week fields.
// Descriptors: @yearly and @annually ("0 0 1 1 *"), @monthly ("0 0 1 * *"),
// @weekly ("0 0 * * 0"), @daily and @midnight ("0 0 * * *"), @hourly
// ("0 * * * *").
//
// Day of month and day of week combine as in Vixie cron: when both fields
// are restricted a day matches if either does ("0 0 13 * FRI" fires on every
// 13th and every Friday); when either field starts with "*" or "?" a day
// must match both — so "0 0 */2 * MON" fires on Mondays with an odd day of
// the month, as in Vixie cron. A day-of-month that no month of the
// expression has ("0 0 30 2 *") is an error.
//
// Errors name the field at fault (CronError) and wrap ErrInvalidSchedule.
// Parsing never panics on any input (FuzzParseCron).
//
// Next looks at most Horizon (28 years) ahead and reports no slot beyond:
// enough for "0 0 29 2 *", which fires only in leap years (2028-02-29,
// 2032-02-29, … and 2096-02-29 then 2104-02-29). Cron slots lie between the
// years 1 and 9999. Next costs about 50-100 ns.
//
// # Daylight saving time
//
// A cron expression is evaluated on the wall clock of its time zone. When
// the clock jumps, each matching wall-clock time fires at most once:
//   - a time skipped by a spring-forward gap fires once, at the first
//     instant after the gap: "30 2 * * *" in America/New_York fires on
//     2026-03-08 at 03:00 EDT (07:00Z), the moment 02:00 EST became 03:00
//     EDT. Several times skipped by one gap fire once together, together
//     with 03:00 itself if it matches: "0,30 2,3 * * *" fires at 03:00 EDT
//     then 03:30 EDT that day.
//   - a time that occurs twice at a fall-back fires once, at its first
//     occurrence: "30 1 * * *" in America/New_York fires on 2026-11-01 at
//     01:30 EDT (05:30Z), not again at 01:30 EST (06:30Z).
//
// Expressions whose hour field matches every hour ("*", "*/1", "0-23"), that
// is those firing every hour or more often, run on absolute time instead:
// an instant is a slot when the local time it shows matches. They neither
// skip nor repeat a beat across the transitions. In America/New_York:
//   - "0 * * * *" fires on 2026-03-08 at 01:00 EST (06:00Z) then 03:00 EDT
//     (07:00Z), one hour later, there being no 02:00; on 2026-11-01 at 01:00
//     EDT (05:00Z), 01:00 EST (06:00Z) and 02:00 EST (07:00Z), an hour
//     apart, the wall clock showing 01:00 twice.
//   - "*/15 * * * *" fires on 2026-03-08 at 01:45 EST (06:45Z) then 03:00
//     EDT (07:00Z); on 2026-11-01 at 01:45 EDT (05:45Z) then 01:00 EST
//     (06:00Z), 01:15 EST and so on: every 15 minutes of absolute time.
//
// The same holds in Europe/Berlin (2026-03-29 02:00 CET → 03:00 CEST,
// 2026-10-25 03:00 CEST → 02:00 CET). In zones whose offset changes by half
// an hour (Australia/Lord_Howe) an hourly "0 * * * *" follows the wall
// clock's whole hours, so its firings there are 90 minutes apart across
// each transition.
//
// Interval and one-shot schedules are absolute: time zones do not affect
// them.
//
// # Catch-up policy
//
// Due decides what fires given the last fired slot and the current time:
// after downtime the latest missed slot fires once; earlier missed slots
// are skipped and counted (Missed). Slots never fire in a burst. A job that
// never fired (last is zero) fires its latest slot at or before now, if
// any: to fire nothing from before a job existed, pass its creation time as
// last, or give the trigger that Start.
//
// # Queue
//
// Queue orders the active time jobs by their next slot: a 4-ary min-heap of
// (time, id) with an id → position map, 40-55 bytes a job (54 MB for a
// million jobs), O(log n) Set (insert or move) and Remove, PopDue returning
// the due jobs earliest first. At a million jobs a move costs about 0.5 µs
// and popping a due job and queueing its next slot about 1 µs.
//
// # Concurrency
//
// Schedules (Cron and those returned by Parse) are immutable and safe for
// concurrent use; Parse, ParseCron, Due and Missed may be called from any
// goroutine. A Queue is not safe for concurrent use: the scheduler's loop
// owns it and serialises every call.
//
// Zone periods come from Time.ZoneBounds, checked against the instant
// asked about: it misreports the last UTC day of leap years from 2040 on
// (golang/go#81583), where the package assumes no offset change within
// that day unless it sees one at a quarter hour.
//
// Zone data comes from time.LoadLocation: the system's tz database, or the
// one embedded by importing time/tzdata in the coordinator's main package.
package schedule
