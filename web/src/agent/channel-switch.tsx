// The channel switch of the workbench's pages (the inbox, quick replies): the channels of use-channel.ts,
// the chosen one selected; choosing another is remembered for every page.
import type { Channel } from '../api/types';

export function ChannelSwitch(props: {
  label: string;
  channels: readonly Channel[];
  channelId: string | undefined;
  onChange(id: string): void;
  className?: string;
}) {
  return (
    <label {...(props.className !== undefined && { className: props.className })}>
      {props.label}{' '}
      <select name="channel" data-testid="channel-select" value={props.channelId ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        {props.channels.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}
