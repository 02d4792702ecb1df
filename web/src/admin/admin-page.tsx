export function AdminPage() {
  return <main className="page">admin console (in progress)</main>;
}
