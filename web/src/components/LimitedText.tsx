import { useId, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { characterCount } from "../../../domain/plausibility/textLimits.ts";
import "./plausibility.css";

/**
 * How long the text is against its limit, said as the user types ("123 /
 * 2,000 characters"), warning near the limit and saying how many are too many
 * past it. The text is never cut: the server refuses over-long text with the
 * same limit (domain/plausibility/textLimits.ts). Counts what will be saved
 * (surrounding spaces are trimmed).
 */
export function CharacterCount({ text, max, id }: { text: string; max: number; id: string }) {
  const count = characterCount(text.trim().length, max);
  return (
    <span id={id} className={`char-count ${count.state}`} aria-live={count.state === "ok" ? "off" : "polite"}>
      {count.text}
    </span>
  );
}

type Common = { max: number };
type InputProps = Common & { as?: "input" } & Omit<InputHTMLAttributes<HTMLInputElement>, "maxLength">;
type TextareaProps = Common & { as: "textarea" } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "maxLength">;

/**
 * A text input or textarea with its CharacterCount below it, controlled
 * (value) or not (defaultValue) alike. Put it inside the field's label.
 */
export function LimitedText(props: InputProps | TextareaProps) {
  const countId = useId();
  const { max, as: kind, ...rest } = props;
  const [typed, setTyped] = useState(String(rest.value ?? rest.defaultValue ?? ""));
  const text = rest.value !== undefined ? String(rest.value) : typed;
  const over = text.trim().length > max;
  const describedBy = [rest["aria-describedby"], countId].filter(Boolean).join(" ");
  const shared = {
    "aria-describedby": describedBy,
    "aria-invalid": over || rest["aria-invalid"] ? true : undefined,
    className: [rest.className, over ? "over-limit" : ""].filter(Boolean).join(" ") || undefined,
  };
  return (
    <>
      {kind === "textarea" ? (
        <textarea
          {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)}
          {...shared}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            (rest as TextareaHTMLAttributes<HTMLTextAreaElement>).onInput?.(e);
          }}
        />
      ) : (
        <input
          {...(rest as InputHTMLAttributes<HTMLInputElement>)}
          {...shared}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            (rest as InputHTMLAttributes<HTMLInputElement>).onInput?.(e);
          }}
        />
      )}
      <CharacterCount text={text} max={max} id={countId} />
    </>
  );
}
