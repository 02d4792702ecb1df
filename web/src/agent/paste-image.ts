// A picture pasted into the composer (a screenshot copied to the clipboard): the first image file of the
// paste, named so the media store keeps a sensible filename. Text pastes are left to the textarea.
export function pastedImage(data: DataTransfer | null): File | undefined {
  const file = [...(data?.files ?? [])].find((f) => f.type.startsWith('image/'));
  if (!file) return undefined;
  return file.name ? file : new File([file], `pasted.${file.type.slice('image/'.length)}`, { type: file.type });
}
