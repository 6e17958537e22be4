export default function Page() {
  return (
    <main>
      <h1>Chart Studio</h1>
    </main>
  );
}
