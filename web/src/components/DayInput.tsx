import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatDate, parseDay } from '../format/dates';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * A day typed as dd/mm/yyyy, whatever the browser's locale (a native date input shows the
 * browser's own format). Its value is the ISO day (YYYY-MM-DD); text that is not a day is passed
 * on as typed, so the server's message about it is shown beside the field.
 */
export function DayInput({
  value,
  onChange,
  ...props
}: InputProps & { readonly value: string; readonly onChange: (day: string) => void }) {
  const [text, setText] = useState(() => (value ? formatDate(value) : ''));
  // A value set from outside (a form reset, a day chosen elsewhere) replaces what was typed.
  useEffect(() => {
    if ((parseDay(text) ?? text) !== value) setText(value ? formatDate(value) : '');
    // Only a new value from outside, never the user's typing, resets the text.
  }, [value]);
  return (
    <input
      {...props}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseDay(event.target.value) ?? event.target.value);
      }}
    />
  );
}
