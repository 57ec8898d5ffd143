package schedule

import "time"

// Wall-clock times are handled as "wall seconds": the seconds since
// 1970-01-01 00:00:00 of a clock that reads the local time as if it were UTC,
// that is unix seconds plus the zone offset in force. Calendar fields are
// computed from them with the proleptic Gregorian algorithms of Howard
// Hinnant (days_from_civil, civil_from_days), without time.Date.

const secondsPerDay = 86400

// floorDiv returns ⌊a/b⌋ and the non-negative remainder, for b > 0.
func floorDiv(a, b int64) (q, r int64) {
	q, r = a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return q, r
}

// daysFromCivil returns the days since 1970-01-01 of y-m-d.
func daysFromCivil(y int64, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era, yoe := floorDiv(y, 400)
	mp := (m + 9) % 12 // March = 0
	doy := int64((153*mp+2)/5 + d - 1)
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays returns the date of the day z days after 1970-01-01.
func civilFromDays(z int64) (y int64, m, d int) {
	z += 719468
	era, doe := floorDiv(z, 146097)
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := int((5*doy + 2) / 153)
	d = int(doy-int64((153*mp+2)/5)) + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekday returns the day of the week (0 = Sunday) of day z after 1970-01-01.
func weekday(z int64) int {
	_, r := floorDiv(z+4, 7) // 1970-01-01 was a Thursday
	return int(r)
}

func isLeap(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days of month m of year y.
func daysIn(y int64, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// zoneAt returns the offset in force at unix second u in loc and the bounds
// [start, end) of that offset's period in unix seconds; hasStart and hasEnd
// are false when the period is unbounded on that side.
//
// The period always holds u. Time.ZoneBounds can report one that does not
// (golang/go#81583: on the last UTC day of leap years served by the zone
// file's TZ rule, from 2040 on, the end is that day's start); zoneAt then
// reports [u, u+1 day), or up to the first quarter hour at which the offset
// differs.
func zoneAt(loc *time.Location, u int64) (offset, start, end int64, hasStart, hasEnd bool) {
	t := time.Unix(u, 0).In(loc)
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	offset, start, end, hasStart, hasEnd = int64(off), s.Unix(), e.Unix(), !s.IsZero(), !e.IsZero()
	if (hasStart && start > u) || (hasEnd && end <= u) {
		start, end, hasStart, hasEnd = u, u+secondsPerDay, true, true
		for k := int64(900); k < secondsPerDay; k += 900 {
			if _, o := time.Unix(u+k, 0).In(loc).Zone(); int64(o) != offset {
				end = max(u+1, u+k-900)
				break
			}
		}
	}
	return offset, start, end, hasStart, hasEnd
}

// maxOffset bounds the zone offsets that can occur (the tz database has
// offsets within ±15h, local mean times included).
const maxOffset = 16 * 3600

// resolve returns the instant of wall time w in loc:
//   - a wall time that occurs once: that instant;
//   - one that occurs more than once (a fall-back overlap): the first;
//   - one that does not occur (a spring-forward gap): the first instant
//     after the gap, the transition itself.
func resolve(loc *time.Location, w int64) int64 {
	x := w - maxOffset
	var prevOff, prevEnd int64
	havePrev := false
	for {
		off, start, end, hasStart, hasEnd := zoneAt(loc, x)
		u := w - off
		if havePrev && prevOff < off && u < start && w-prevOff >= prevEnd {
			// w is past the previous period's wall range and before this
			// one's: a gap; the first instant after it is this period's start.
			return start
		}
		if (!hasStart || u >= start) && (!hasEnd || u < end) {
			return u
		}
		if !hasEnd || end > w+maxOffset {
			// No period around w holds it (cannot happen with real zone
			// data); fall back on this period's offset.
			return u
		}
		prevOff, prevEnd, havePrev = off, end, true
		x = end
	}
}
