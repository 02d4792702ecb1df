export function SimulatorPage() {
  return <main className="page">simulator (in progress)</main>;
}
