/** The calendar's clock: every time a page shows is in the clinic's zone, whatever the browser's own zone. */
import { formatClock, toLocal } from "../../../domain/scheduling/clinicTime.ts";
import type { CalendarDate } from "../../../domain/shared/calendarDate.ts";

export const clinicToday = (zone: string): CalendarDate => toLocal(new Date(), zone).date;

export const localClock = (iso: string, zone: string) => formatClock(toLocal(new Date(iso), zone).minute);

export const localDate = (iso: string, zone: string): CalendarDate => toLocal(new Date(iso), zone).date;
