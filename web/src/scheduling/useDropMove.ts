/**
 * Drag and drop onto the calendar: a booked appointment dropped on a day
 * (week view) or a column (day view) moves there, keeping its local time
 * unless the target gives one. A refusal (room taken, outside hours) is shown
 * with the server's reasons and nothing moves.
 */
import type { DragEvent } from "react";
import type { ApiError } from "../api.ts";
import { useSubmit } from "../useSubmit.ts";
import { DRAG_TYPE, moveAppointment, type MoveTarget } from "./moveAppointment.ts";
import type { Appointment } from "./types.ts";

export function useDropMove(appointments: readonly Appointment[], zone: string, onMoved: () => void): { error: ApiError | null; dropTarget: (to: MoveTarget) => object } {
  const move = useSubmit(async (appointment: Appointment, to: MoveTarget) => {
    await moveAppointment(appointment, to, zone);
    onMoved();
  });
  const dropTarget = (to: MoveTarget) => ({
    onDragOver: (e: DragEvent) => {
      if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const appointment = appointments.find((a) => a.id === e.dataTransfer.getData(DRAG_TYPE));
      if (appointment) void move.submit(appointment, to);
    },
  });
  return { error: move.error, dropTarget };
}
