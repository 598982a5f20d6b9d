/**
 * Rooms or treatment tables. A room out of use keeps its past appointments
 * and is no longer offered for booking; it can be brought back.
 */
import { useState } from "react";
import { api } from "../../api.ts";
import { FieldError, FormError } from "../../components/FormError.tsx";
import { ListRow, ListTable } from "../../components/ListTable.tsx";
import { useSubmit } from "../../useSubmit.ts";
import type { Room } from "../types.ts";

export function RoomsSettings({ rooms, editable, onChanged }: { rooms: Room[]; editable: boolean; onChanged: () => void }) {
  const [renaming, setRenaming] = useState<Room | null>(null);
  const toggle = useSubmit(async (room: Room) => {
    await api("PATCH", `/api/v1/rooms/${room.id}`, { active: !room.active });
    onChanged();
  });
  return (
    <section className="card" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Rooms</h2>
      <FormError error={toggle.error} />
      <ListTable columns={editable ? ["Room", "State", { label: "Actions", actions: true }] : ["Room", "State"]} empty="No rooms yet." aria-label="Rooms">
        {rooms.map((room) => (
          <ListRow key={room.id} className={room.active ? undefined : "inactive"}>
            <td>{room.name}</td>
            <td>{room.active ? "In use" : "Out of use"}</td>
            {editable && (
              <td>
                <div className="actions">
                  <button type="button" onClick={() => setRenaming(room)} aria-label={`Rename ${room.name}`}>
                    Rename
                  </button>
                  <button type="button" onClick={() => void toggle.submit(room)} disabled={toggle.busy} aria-label={`${room.active ? "Take out of use" : "Bring back into use"}: ${room.name}`}>
                    {room.active ? "Take out of use" : "Bring back"}
                  </button>
                </div>
              </td>
            )}
          </ListRow>
        ))}
      </ListTable>
      {editable && renaming && (
        <RenameRoom
          key={renaming.id}
          room={renaming}
          onDone={(changed) => {
            setRenaming(null);
            if (changed) onChanged();
          }}
        />
      )}
      {editable && <AddRoom onAdded={onChanged} />}
    </section>
  );
}

function RenameRoom({ room, onDone }: { room: Room; onDone: (changed: boolean) => void }) {
  const [name, setName] = useState(room.name);
  const save = useSubmit(async () => {
    await api("PATCH", `/api/v1/rooms/${room.id}`, { name });
    onDone(true);
  });
  return (
    <form
      className="settings-subform"
      aria-label={`Rename ${room.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.submit();
      }}
      noValidate
    >
      <div className="row">
        <label>
          New name for {room.name}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} autoFocus />
          <FieldError error={save.error} field="name" />
        </label>
        <button type="submit" className="primary" disabled={save.busy}>
          Save name
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
      <FormError error={save.error} />
    </form>
  );
}

function AddRoom({ onAdded }: { onAdded: () => void }) {
  const [name, setName] = useState("");
  const add = useSubmit(async () => {
    await api("POST", "/api/v1/rooms", { name });
    setName("");
    onAdded();
  });
  return (
    <form
      className="settings-subform"
      aria-label="Add a room"
      onSubmit={(e) => {
        e.preventDefault();
        void add.submit();
      }}
      noValidate
    >
      <div className="row">
        <label>
          New room
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} placeholder="e.g. Room 4 or Table B" />
          <FieldError error={add.error} field="name" />
        </label>
        <button type="submit" disabled={add.busy}>
          Add room
        </button>
      </div>
      <FormError error={add.error} />
    </form>
  );
}
