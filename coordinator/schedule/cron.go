package schedule

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"time"
)

// Horizon bounds how far Next looks for a cron slot: an expression with no
// slot within Horizon after the time asked about is treated as having none.
// 28 years is the period of the calendar's weekdays between 1901 and 2099
// and covers every Feb 29 gap (8 years across 2100).
const Horizon = 28 * 366 * secondsPerDay * time.Second

// Cron slots lie between the years 1 and 9999.
const (
	minUnix = -62135596800 // 0001-01-01T00:00:00Z
	maxUnix = 253402300799 // 9999-12-31T23:59:59Z
)

// Cron is a parsed cron expression evaluated in a time zone. Its zero value
// is not usable; get one from ParseCron or Parse. A Cron is immutable and
// safe for concurrent use.
type Cron struct {
	expr string
	loc  *time.Location

	second, minute, hour, dom, month, dow uint64 // bit i set: value i matches

	// domStar and dowStar: the field starts with '*' or '?' (Vixie cron's
	// rule for combining the day fields).
	domStar, dowStar bool
	// allHours: the hour field matches every hour; the expression then runs
	// on absolute time across offset changes.
	allHours bool

	start, end int64 // unix seconds; slots within [start, end]; end = math.MaxInt64 for none
}

// CronError reports a bad cron expression and the field at fault. It wraps
// ErrInvalidSchedule.
type CronError struct {
	Expr   string // the whole expression
	Field  string // "second", "minute", "hour", "day of month", "month", "day of week", or "" for the expression
	Value  string // the field's text
	Reason string
}

func (e *CronError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("invalid cron expression %q: %s", e.Expr, e.Reason)
	}
	return fmt.Sprintf("invalid cron expression %q: %s field %q: %s", e.Expr, e.Field, e.Value, e.Reason)
}

// Unwrap returns ErrInvalidSchedule.
func (e *CronError) Unwrap() error { return ErrInvalidSchedule }

// field describes one cron field.
type field struct {
	name     string
	min, max int
	names    map[string]int
}

var (
	monthNames = map[string]int{
		"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6,
		"JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12,
	}
	dowNames = map[string]int{"SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6}

	secondField = field{name: "second", min: 0, max: 59}
	minuteField = field{name: "minute", min: 0, max: 59}
	hourField   = field{name: "hour", min: 0, max: 23}
	domField    = field{name: "day of month", min: 1, max: 31}
	monthField  = field{name: "month", min: 1, max: 12, names: monthNames}
	dowField    = field{name: "day of week", min: 0, max: 7, names: dowNames} // 7 is Sunday too
)

var descriptors = map[string]string{
	"@yearly":   "0 0 1 1 *",
	"@annually": "0 0 1 1 *",
	"@monthly":  "0 0 1 * *",
	"@weekly":   "0 0 * * 0",
	"@daily":    "0 0 * * *",
	"@midnight": "0 0 * * *",
	"@hourly":   "0 * * * *",
}

// maxExprLen bounds the expressions ParseCron reads.
const maxExprLen = 1024

// ParseCron parses a cron expression evaluated in loc (UTC when nil):
// five fields "minute hour day-of-month month day-of-week", or six with
// seconds first, or one of the descriptors @yearly, @annually, @monthly,
// @weekly, @daily, @midnight and @hourly. See the package documentation for
// the syntax and the daylight-saving rules. Errors are *CronError.
func ParseCron(expr string, loc *time.Location) (*Cron, error) {
	if loc == nil {
		loc = time.UTC
	}
	bad := func(f, v, format string, a ...any) error {
		return &CronError{Expr: expr, Field: f, Value: v, Reason: fmt.Sprintf(format, a...)}
	}
	if len(expr) > maxExprLen {
		return nil, bad("", "", "longer than %d bytes", maxExprLen)
	}
	text := strings.TrimSpace(expr)
	if strings.HasPrefix(text, "@") {
		d, ok := descriptors[strings.ToLower(text)]
		if !ok {
			return nil, bad("", "", "unknown descriptor %q (want @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly)", text)
		}
		text = d
	}
	fs := strings.Fields(text)
	switch len(fs) {
	case 5:
		fs = append([]string{"0"}, fs...)
	case 6:
	default:
		return nil, bad("", "", "%d fields, want 5 (minute hour day-of-month month day-of-week) or 6 (with seconds first)", len(fs))
	}
	c := &Cron{expr: expr, loc: loc, start: math.MinInt64, end: math.MaxInt64}
	var err error
	for i, p := range []struct {
		f   field
		dst *uint64
	}{
		{secondField, &c.second}, {minuteField, &c.minute}, {hourField, &c.hour},
		{domField, &c.dom}, {monthField, &c.month}, {dowField, &c.dow},
	} {
		if *p.dst, err = parseField(fs[i], p.f, i >= 3); err != nil {
			return nil, bad(p.f.name, fs[i], "%s", err.Error())
		}
	}
	if c.dow&(1<<7) != 0 {
		c.dow = c.dow&^(1<<7) | 1
	}
	c.domStar = fs[3][0] == '*' || fs[3][0] == '?'
	c.dowStar = fs[5][0] == '*' || fs[5][0] == '?'
	c.allHours = c.hour == 1<<24-1
	if c.domStar || c.dowStar {
		// The days are those matching both fields; when the day of the week
		// is free, some month of the expression must have the day.
		if c.dow == 1<<7-1 && !c.someMonthHasDay() {
			return nil, bad(domField.name, fs[3], "no such day in the months %q", fs[4])
		}
	}
	return c, nil
}

// someMonthHasDay reports whether some day of the dom field exists in some
// month of the month field (in a leap year).
func (c *Cron) someMonthHasDay() bool {
	for m := 1; m <= 12; m++ {
		if c.month&(1<<m) != 0 && c.dom&(1<<(daysIn(2000, m)+1)-1) != 0 {
			return true
		}
	}
	return false
}

// parseField parses one field into a bit set. '?' is accepted in the day
// fields only.
func parseField(s string, f field, dayField bool) (uint64, error) {
	var set uint64
	for _, part := range strings.Split(s, ",") {
		if part == "" {
			return 0, fmt.Errorf("empty list element")
		}
		rng, stepText, hasStep := strings.Cut(part, "/")
		lo, hi := f.min, f.max
		switch {
		case rng == "*" || (rng == "?" && dayField):
			if rng == "?" && (hasStep || s != "?") {
				return 0, fmt.Errorf("'?' must stand alone")
			}
		case rng == "?":
			return 0, fmt.Errorf("'?' is only allowed in the day-of-month and day-of-week fields")
		default:
			a, b, isRange := strings.Cut(rng, "-")
			var err error
			if lo, err = parseValue(a, f); err != nil {
				return 0, err
			}
			hi = lo
			if isRange {
				if hi, err = parseValue(b, f); err != nil {
					return 0, err
				}
				if hi < lo {
					return 0, fmt.Errorf("range %s starts after it ends", rng)
				}
			} else if hasStep {
				hi = f.max // "a/n": from a to the end of the field, as in most crons
			}
		}
		step := 1
		if hasStep {
			n, err := strconv.Atoi(stepText)
			if err != nil || n < 1 || stepText[0] == '+' {
				return 0, fmt.Errorf("step %q is not a positive integer", stepText)
			}
			if n > f.max-f.min+1 {
				return 0, fmt.Errorf("step %d is larger than the field's range %d-%d", n, f.min, f.max)
			}
			step = n
		}
		for v := lo; v <= hi; v += step {
			set |= 1 << v
		}
	}
	return set, nil
}

// parseValue parses a number or, where the field has them, a name.
func parseValue(s string, f field) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("missing value")
	}
	if f.names != nil {
		if v, ok := f.names[strings.ToUpper(s)]; ok {
			return v, nil
		}
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			if f.names != nil {
				return 0, fmt.Errorf("%q is neither a number nor a name", s)
			}
			return 0, fmt.Errorf("%q is not a number", s)
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < f.min || v > f.max {
		return 0, fmt.Errorf("%s is out of range %d-%d", s, f.min, f.max)
	}
	return v, nil
}

// String returns the expression as given.
func (c *Cron) String() string { return c.expr }

// Location returns the time zone the expression is evaluated in.
func (c *Cron) Location() *time.Location { return c.loc }

// Next returns the first slot strictly after after, in the expression's
// time zone, and false when there is none within the schedule's bounds and
// Horizon.
func (c *Cron) Next(after time.Time) (time.Time, bool) {
	u, ok := c.next(after.Unix())
	if !ok {
		return time.Time{}, false
	}
	return time.Unix(u, 0).In(c.loc), true
}

// next returns the first slot after unix second a (slots are whole seconds,
// so after a fractional time t it is next(⌊t⌋)).
func (c *Cron) next(a int64) (int64, bool) {
	if lo := max(c.start, minUnix) - 1; a < lo {
		a = lo
	}
	if a >= c.end || a >= maxUnix {
		return 0, false
	}
	limit := c.end
	if h := int64(Horizon / time.Second); a < c.end-h {
		limit = a + h
	}
	limit = min(limit, maxUnix)
	var (
		u  int64
		ok bool
	)
	if c.allHours {
		u, ok = c.nextAbsolute(a, limit)
	} else {
		u, ok = c.nextWallClock(a, limit)
	}
	if !ok || u > limit {
		return 0, false
	}
	return u, true
}

// nextAbsolute serves expressions that match every hour: an instant is a
// slot when the local time it shows matches, so the slots follow absolute
// time through offset changes (nothing skipped, nothing doubled).
func (c *Cron) nextAbsolute(a, limit int64) (int64, bool) {
	u := a + 1
	for u <= limit {
		off, _, end, _, hasEnd := zoneAt(c.loc, u)
		wl := limit + off
		if hasEnd && end-1+off < wl {
			wl = end - 1 + off
		}
		if w, ok := c.nextWall(u+off, wl); ok {
			return w - off, true
		}
		if !hasEnd {
			return 0, false
		}
		u = end
	}
	return 0, false
}

// nextWallClock serves expressions with fixed hours: each matching
// wall-clock time fires once, at its first occurrence, or at the end of the
// gap that skips it.
func (c *Cron) nextWallClock(a, limit int64) (int64, bool) {
	off, _, _, _, _ := zoneAt(c.loc, a)
	w := a + off + 1 // every wall time up to a's own resolves to a or earlier
	wl := limit + maxOffset
	for {
		wm, ok := c.nextWall(w, wl)
		if !ok {
			return 0, false
		}
		if u := resolve(c.loc, wm); u > a {
			return u, true
		}
		// wm falls in a fall-back overlap whose second pass holds a: its
		// first occurrence is already past, and so is that of every wall
		// time up to the end of the first pass.
		w = wm + 1
		if _, start, _, hasStart, _ := zoneAt(c.loc, a); hasStart {
			if o1, _, _, _, _ := zoneAt(c.loc, start-1); start+o1 > w {
				w = start + o1
			}
		}
	}
}

// nextWall returns the first wall time at or after w, and at or before
// limit, whose fields match.
func (c *Cron) nextWall(w, limit int64) (int64, bool) {
	if w > limit {
		return 0, false
	}
	day, sod := floorDiv(w, secondsPerDay)
	lastDay, _ := floorDiv(limit, secondsPerDay)
	y, m, d := civilFromDays(day)
	for day <= lastDay {
		if c.month&(1<<m) == 0 {
			nm := next(c.month, m+1)
			if nm < 0 {
				y++
				nm = next(c.month, 1)
			}
			m, d, sod = nm, 1, 0
			day = daysFromCivil(y, m, d)
			continue
		}
		if nd := c.nextDay(y, m, d, weekday(day)); nd != d {
			if nd < 0 {
				if m++; m > 12 {
					y, m = y+1, 1
				}
				d, sod = 1, 0
				day = daysFromCivil(y, m, d)
				continue
			}
			day += int64(nd - d)
			d, sod = nd, 0
		}
		if day > lastDay {
			break
		}
		if tod, ok := c.nextTime(int(sod)); ok {
			if r := day*secondsPerDay + int64(tod); r <= limit {
				return r, true
			}
			return 0, false
		}
		day++
		d++
		sod = 0
		if d > daysIn(y, m) {
			if m++; m > 12 {
				y, m = y+1, 1
			}
			d = 1
		}
	}
	return 0, false
}

// nextDay returns the first matching day ≥ d of month m of year y, or -1;
// wd is the weekday of d.
func (c *Cron) nextDay(y int64, m, d, wd int) int {
	n := daysIn(y, m)
	dom := c.dom & (1<<(n+1) - 1)
	dowAt := func(day int) bool { return c.dow&(1<<((wd+day-d)%7)) != 0 }
	if c.domStar || c.dowStar {
		// Vixie cron: when either field starts with '*', both must match.
		for x := next(dom, d); x >= 0; x = next(dom, x+1) {
			if dowAt(x) {
				return x
			}
		}
		return -1
	}
	// Both restricted: either may match.
	best := next(dom, d)
	if c.dow != 0 {
		k := next(c.dow|c.dow<<7, wd) - wd // days to the next matching weekday
		if x := d + k; x <= n && (best < 0 || x < best) {
			best = x
		}
	}
	return best
}

// nextTime returns the first matching time of day ≥ sod, in seconds.
func (c *Cron) nextTime(sod int) (int, bool) {
	h, m, s := sod/3600, sod/60%60, sod%60
	for {
		nh := next(c.hour, h)
		if nh < 0 {
			return 0, false
		}
		if nh != h {
			h, m, s = nh, 0, 0
		}
		nm := next(c.minute, m)
		if nm < 0 {
			h, m, s = h+1, 0, 0
			continue
		}
		if nm != m {
			m, s = nm, 0
		}
		ns := next(c.second, s)
		if ns < 0 {
			m, s = m+1, 0
			continue
		}
		return h*3600 + m*60 + ns, true
	}
}

// next returns the lowest set bit of set at or above from, or -1.
func next(set uint64, from int) int {
	if from >= 64 {
		return -1
	}
	x := set >> uint(from) << uint(from)
	if x == 0 {
		return -1
	}
	return bits.TrailingZeros64(x)
}
