package triggercheck

import (
	"fmt"
	"time"

	"github.com/triggerx-network/triggerx/attestation"
	"github.com/triggerx-network/triggerx/coordinator/schedule"
)

// maxSlot is the last second of the year 9999, beyond any schedule's slots.
const maxSlot = 253402300799

// checkTime checks a time firing: slot is a slot of the schedule, within its
// End, and the execution did not land long before it.
func (c *Checker) checkTime(tt attestation.TimeTrigger, slot int64, exec Execution) error {
	s, err := schedule.Parse(tt)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalidTrigger, err)
	}
	if err := ended(tt.End, slot); err != nil {
		return err
	}
	if slot < 0 || slot > maxSlot {
		return fmt.Errorf("%w: slot %d out of range", ErrNotOnSchedule, slot)
	}
	at := time.Unix(slot, 0).UTC()
	if next, ok := s.Next(at.Add(-time.Second)); !ok || next.Unix() != slot {
		if !ok {
			return fmt.Errorf("%w: %s (no slot from then on)", ErrNotOnSchedule, at.Format(time.RFC3339))
		}
		return fmt.Errorf("%w: %s (the next slot is %s)", ErrNotOnSchedule, at.Format(time.RFC3339), next.UTC().Format(time.RFC3339))
	}
	if earliest := at.Add(-c.tolerance); exec.BlockTime.Before(earliest) {
		return fmt.Errorf("%w: executed at %s, slot %s less %s tolerance", ErrExecutedEarly,
			exec.BlockTime.UTC().Format(time.RFC3339), at.Format(time.RFC3339), c.tolerance)
	}
	return nil
}
