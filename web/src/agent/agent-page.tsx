export function AgentPage() {
  return <main className="page">agent view (in progress)</main>;
}
